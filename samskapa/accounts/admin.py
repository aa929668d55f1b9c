from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.models import Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "org_number", "sector", "region", "country"]
    list_filter = ["sector", "region", "country"]
    search_fields = ["name", "org_number", "municipality"]


@admin.register(User)
# Django's UserAdmin is typed for AbstractUser; ours is an AbstractBaseUser with e-mail login.
class UserAdmin(DjangoUserAdmin[Any]):
    ordering = ["email"]
    list_display = ["email", "name", "staff_role", "organisation", "is_active"]
    list_filter = ["staff_role", "is_active"]
    search_fields = ["email", "name"]
    readonly_fields = ["last_login", "date_joined", "erased_at"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("name", "job_title", "organisation", "language")}),
        (_("Access"), {"fields": ("staff_role", "is_active", "is_superuser")}),
        (_("Dates"), {"fields": ("last_login", "date_joined", "erased_at")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
