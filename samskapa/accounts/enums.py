from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StaffRole(models.TextChoices):
    ADMIN = "admin", pgettext_lazy("role", "Centre staff (administrator)")
    PROCESS_LEADER = "process_leader", pgettext_lazy("role", "Process leader")
    COACH = "coach", pgettext_lazy("role", "Coach")
    EVALUATOR = "evaluator", pgettext_lazy("role", "Evaluator")
    FUNDER = "funder", pgettext_lazy("role", "Funder")


# The centre's own working staff: every staff role except the funder, who only reads. The
# predicate `accounts.rules.is_centre_team` and `User.objects.centre_team()` both use this.
CENTRE_TEAM_ROLES = (
    StaffRole.ADMIN,
    StaffRole.PROCESS_LEADER,
    StaffRole.COACH,
    StaffRole.EVALUATOR,
)


class Sector(models.TextChoices):
    """The quadruple helix."""

    PUBLIC = "public", pgettext_lazy("sector", "Public sector")
    PRIVATE = "private", pgettext_lazy("sector", "Private sector (business)")
    CIVIL_SOCIETY = "civil_society", pgettext_lazy("sector", "Civil society (non-profit)")
    ACADEMIA = "academia", pgettext_lazy("sector", "Academia")


class OrganisationForm(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    GOVERNMENT_AGENCY = "government_agency", _("Government agency")
    COMPANY = "company", _("Company")
    SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
    ASSOCIATION = "association", _("Non-profit association")
    FOUNDATION = "foundation", _("Foundation")
    COOPERATIVE = "cooperative", _("Cooperative")
    UNIVERSITY = "university", _("University or college")
    OTHER = "other", _("Other")


class Region(models.TextChoices):
    """Sweden's 21 regions (län)."""

    STOCKHOLM = "stockholm", _("Stockholm")
    UPPSALA = "uppsala", _("Uppsala")
    SODERMANLAND = "sodermanland", _("Södermanland")
    OSTERGOTLAND = "ostergotland", _("Östergötland")
    JONKOPING = "jonkoping", _("Jönköping")
    KRONOBERG = "kronoberg", _("Kronoberg")
    KALMAR = "kalmar", _("Kalmar")
    GOTLAND = "gotland", _("Gotland")
    BLEKINGE = "blekinge", _("Blekinge")
    SKANE = "skane", _("Skåne")
    HALLAND = "halland", _("Halland")
    VASTRA_GOTALAND = "vastra_gotaland", _("Västra Götaland")
    VARMLAND = "varmland", _("Värmland")
    OREBRO = "orebro", _("Örebro")
    VASTMANLAND = "vastmanland", _("Västmanland")
    DALARNA = "dalarna", _("Dalarna")
    GAVLEBORG = "gavleborg", _("Gävleborg")
    VASTERNORRLAND = "vasternorrland", _("Västernorrland")
    JAMTLAND = "jamtland", _("Jämtland Härjedalen")
    VASTERBOTTEN = "vasterbotten", _("Västerbotten")
    NORRBOTTEN = "norrbotten", _("Norrbotten")


class Country(models.TextChoices):
    """Sweden, the EU member states and nearby partner countries (ISO 3166-1 alpha-2)."""

    SE = "SE", _("Sweden")
    AT = "AT", _("Austria")
    BE = "BE", _("Belgium")
    BG = "BG", _("Bulgaria")
    HR = "HR", _("Croatia")
    CY = "CY", _("Cyprus")
    CZ = "CZ", _("Czechia")
    DK = "DK", _("Denmark")
    EE = "EE", _("Estonia")
    FI = "FI", _("Finland")
    FR = "FR", _("France")
    DE = "DE", _("Germany")
    GR = "GR", _("Greece")
    HU = "HU", _("Hungary")
    IE = "IE", _("Ireland")
    IT = "IT", _("Italy")
    LV = "LV", _("Latvia")
    LT = "LT", _("Lithuania")
    LU = "LU", _("Luxembourg")
    MT = "MT", _("Malta")
    NL = "NL", _("Netherlands")
    PL = "PL", _("Poland")
    PT = "PT", _("Portugal")
    RO = "RO", _("Romania")
    SK = "SK", _("Slovakia")
    SI = "SI", _("Slovenia")
    ES = "ES", _("Spain")
    NO = "NO", _("Norway")
    IS = "IS", _("Iceland")
    CH = "CH", _("Switzerland")
    GB = "GB", _("United Kingdom")
    UA = "UA", _("Ukraine")
    OTHER = "XX", _("Other country")
