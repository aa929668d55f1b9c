// A form on a page from the public cache carries no CSRF token (docs/architecture.md, "Public
// pages from the cache"). Such a form is written as a GET form to a page of its own that shows
// the same form with a token, so it works without JavaScript:
//   <form method="get" action="…/feedback/" data-token-on-use data-post-to="…/feedback/">
// With JavaScript, sending it fetches a token from /csrf-token and posts the form directly.
// If the token cannot be fetched, the form goes to its page as without JavaScript.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-token-on-use")) return;
  event.preventDefault();
  try {
    const response = await fetch("/csrf-token", {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (!response.ok) throw new Error(`CSRF token: ${response.status}`);
    const { token } = await response.json();
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "csrfmiddlewaretoken";
    input.value = token;
    form.append(input);
    form.method = "post";
    form.action = form.dataset.postTo || form.action;
  } catch (error) {
    // The form's own page asks again, with a token of its own.
  }
  form.removeAttribute("data-token-on-use");
  form.submit();
});
