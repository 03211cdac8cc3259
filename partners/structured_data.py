"""A partner as a schema.org Organization, for its own page and as a program's organiser."""

from django.utils.html import strip_tags

from citynet.core.structured_data import image_object


def organization_id(partner, request):
    return partner.get_full_url(request) + "#organization"


def partner_reference(partner, request):
    """What a program or article says about a partner: enough to identify it."""
    reference = {
        "@type": "Organization",
        "@id": organization_id(partner, request),
        "name": partner.title,
        "url": partner.website or partner.get_full_url(request),
    }
    if partner.acronym:
        reference["alternateName"] = partner.acronym
    return reference


def partner_organization(partner, request, logo_rendition=None):
    organization = partner_reference(partner, request)
    organization["mainEntityOfPage"] = partner.get_full_url(request)
    if description := strip_tags(partner.description).strip():
        organization["description"] = description
    if partner.logo:
        organization["logo"] = image_object(partner.logo, request, logo_rendition)
    if partner.city or partner.country:
        address = {"@type": "PostalAddress"}
        if partner.city:
            address["addressLocality"] = partner.city
        if partner.country:
            address["addressCountry"] = partner.country.code
        organization["address"] = address
    if partner.contact_email:
        organization["email"] = partner.contact_email
    if partner.contact_phone:
        organization["telephone"] = partner.contact_phone
    return organization
