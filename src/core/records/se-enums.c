/* se-enums.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "se-enums.h"

/* The nicks are what the database and CSV files store; never change one
 * without a migration. */

G_DEFINE_ENUM_TYPE (SeOrganisationKind, se_organisation_kind,
  G_DEFINE_ENUM_VALUE (SE_ORGANISATION_KIND_CITY, "city"),
  G_DEFINE_ENUM_VALUE (SE_ORGANISATION_KIND_DISTRICT, "district"),
  G_DEFINE_ENUM_VALUE (SE_ORGANISATION_KIND_STATE_AGENCY, "state-agency"),
  G_DEFINE_ENUM_VALUE (SE_ORGANISATION_KIND_JOB_CENTRE, "job-centre"),
  G_DEFINE_ENUM_VALUE (SE_ORGANISATION_KIND_IT_SERVICE_PROVIDER, "it-service-provider"),
  G_DEFINE_ENUM_VALUE (SE_ORGANISATION_KIND_UMBRELLA_BODY, "umbrella-body"),
  G_DEFINE_ENUM_VALUE (SE_ORGANISATION_KIND_FOREIGN_AUTHORITY, "foreign-authority"),
  G_DEFINE_ENUM_VALUE (SE_ORGANISATION_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (SePartnershipKind, se_partnership_kind,
  G_DEFINE_ENUM_VALUE (SE_PARTNERSHIP_KIND_PARTNERSHIP, "partnership"),
  G_DEFINE_ENUM_VALUE (SE_PARTNERSHIP_KIND_FRIENDSHIP, "friendship"),
  G_DEFINE_ENUM_VALUE (SE_PARTNERSHIP_KIND_PROJECT, "project"),
  G_DEFINE_ENUM_VALUE (SE_PARTNERSHIP_KIND_CONTACT, "contact"),
  G_DEFINE_ENUM_VALUE (SE_PARTNERSHIP_KIND_COOPERATION, "cooperation"))

G_DEFINE_ENUM_TYPE (SePartnershipStatus, se_partnership_status,
  G_DEFINE_ENUM_VALUE (SE_PARTNERSHIP_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (SE_PARTNERSHIP_STATUS_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (SE_PARTNERSHIP_STATUS_DORMANT, "dormant"),
  G_DEFINE_ENUM_VALUE (SE_PARTNERSHIP_STATUS_ENDED, "ended"))

G_DEFINE_ENUM_TYPE (SeAgreementKind, se_agreement_kind,
  G_DEFINE_ENUM_VALUE (SE_AGREEMENT_KIND_COOPERATION, "cooperation"),
  G_DEFINE_ENUM_VALUE (SE_AGREEMENT_KIND_HOSPITATION, "hospitation"),
  G_DEFINE_ENUM_VALUE (SE_AGREEMENT_KIND_NON_DISCLOSURE, "non-disclosure"),
  G_DEFINE_ENUM_VALUE (SE_AGREEMENT_KIND_CHARTER, "charter"),
  G_DEFINE_ENUM_VALUE (SE_AGREEMENT_KIND_AMENDMENT, "amendment"))

G_DEFINE_ENUM_TYPE (SeAgreementStatus, se_agreement_status,
  G_DEFINE_ENUM_VALUE (SE_AGREEMENT_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (SE_AGREEMENT_STATUS_NEGOTIATION, "negotiation"),
  G_DEFINE_ENUM_VALUE (SE_AGREEMENT_STATUS_SIGNED, "signed"),
  G_DEFINE_ENUM_VALUE (SE_AGREEMENT_STATUS_EXPIRED, "expired"),
  G_DEFINE_ENUM_VALUE (SE_AGREEMENT_STATUS_TERMINATED, "terminated"))

G_DEFINE_ENUM_TYPE (SePlacementKind, se_placement_kind,
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_KIND_HOSPITATION, "hospitation"),
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_KIND_JOB_SWAP, "job-swap"),
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_KIND_VIRTUAL, "virtual"),
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_KIND_SECONDMENT, "secondment"),
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_KIND_DELEGATION_VISIT, "delegation-visit"),
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_KIND_WORKING_MEETING, "working-meeting"))

G_DEFINE_ENUM_TYPE (SePlacementFormat, se_placement_format,
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_FORMAT_ON_SITE, "on-site"),
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_FORMAT_VIRTUAL, "virtual"),
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_FORMAT_HYBRID, "hybrid"))

G_DEFINE_ENUM_TYPE (SePlacementStatus, se_placement_status,
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_STATUS_PROPOSED, "proposed"),
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_STATUS_APPROVED, "approved"),
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_STATUS_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (SE_PLACEMENT_STATUS_CANCELLED, "cancelled"))

G_DEFINE_ENUM_TYPE (SeParticipantRole, se_participant_role,
  G_DEFINE_ENUM_VALUE (SE_PARTICIPANT_ROLE_GUEST, "guest"),
  G_DEFINE_ENUM_VALUE (SE_PARTICIPANT_ROLE_MENTOR, "mentor"),
  G_DEFINE_ENUM_VALUE (SE_PARTICIPANT_ROLE_COORDINATOR, "coordinator"))

G_DEFINE_ENUM_TYPE (SeParty, se_party,
  G_DEFINE_ENUM_VALUE (SE_PARTY_FIRST, "first"),
  G_DEFINE_ENUM_VALUE (SE_PARTY_SECOND, "second"))

G_DEFINE_ENUM_TYPE (SePrerequisiteKind, se_prerequisite_kind,
  G_DEFINE_ENUM_VALUE (SE_PREREQUISITE_KIND_NON_DISCLOSURE, "non-disclosure"),
  G_DEFINE_ENUM_VALUE (SE_PREREQUISITE_KIND_EMPLOYER_APPROVAL, "employer-approval"),
  G_DEFINE_ENUM_VALUE (SE_PREREQUISITE_KIND_STAFF_COUNCIL, "staff-council"),
  G_DEFINE_ENUM_VALUE (SE_PREREQUISITE_KIND_OTHER, "other"))

static const char *
organisation_kind_label (int value)
{
  switch ((SeOrganisationKind) value)
    {
    case SE_ORGANISATION_KIND_CITY: return C_("organisation kind", "City or municipality");
    case SE_ORGANISATION_KIND_DISTRICT: return C_("organisation kind", "District");
    case SE_ORGANISATION_KIND_STATE_AGENCY: return C_("organisation kind", "State agency");
    case SE_ORGANISATION_KIND_JOB_CENTRE: return C_("organisation kind", "Job centre");
    case SE_ORGANISATION_KIND_IT_SERVICE_PROVIDER:
      return C_("organisation kind", "Municipal IT service provider");
    case SE_ORGANISATION_KIND_UMBRELLA_BODY: return C_("organisation kind", "Umbrella body");
    case SE_ORGANISATION_KIND_FOREIGN_AUTHORITY:
      return C_("organisation kind", "Foreign local authority");
    case SE_ORGANISATION_KIND_OTHER: return C_("organisation kind", "Other");
    default: return NULL;
    }
}

static const char *
partnership_kind_label (int value)
{
  switch ((SePartnershipKind) value)
    {
    /* Translators: the categories of the municipal partnership register */
    case SE_PARTNERSHIP_KIND_PARTNERSHIP: return C_("partnership kind", "Town twinning");
    case SE_PARTNERSHIP_KIND_FRIENDSHIP: return C_("partnership kind", "Friendship");
    case SE_PARTNERSHIP_KIND_PROJECT: return C_("partnership kind", "Project partnership");
    case SE_PARTNERSHIP_KIND_CONTACT: return C_("partnership kind", "Contact");
    case SE_PARTNERSHIP_KIND_COOPERATION: return C_("partnership kind", "Cooperation");
    default: return NULL;
    }
}

static const char *
partnership_status_label (int value)
{
  switch ((SePartnershipStatus) value)
    {
    case SE_PARTNERSHIP_STATUS_ACTIVE: return C_("partnership status", "Active");
    case SE_PARTNERSHIP_STATUS_PLANNED: return C_("partnership status", "Planned");
    case SE_PARTNERSHIP_STATUS_DORMANT: return C_("partnership status", "Dormant");
    case SE_PARTNERSHIP_STATUS_ENDED: return C_("partnership status", "Ended");
    default: return NULL;
    }
}

static const char *
agreement_kind_label (int value)
{
  switch ((SeAgreementKind) value)
    {
    case SE_AGREEMENT_KIND_COOPERATION: return C_("agreement kind", "Cooperation agreement");
    case SE_AGREEMENT_KIND_HOSPITATION:
      return C_("agreement kind", "Hospitation or secondment agreement");
    case SE_AGREEMENT_KIND_NON_DISCLOSURE:
      return C_("agreement kind", "Non-disclosure declaration");
    case SE_AGREEMENT_KIND_CHARTER: return C_("agreement kind", "Partnership charter");
    case SE_AGREEMENT_KIND_AMENDMENT: return C_("agreement kind", "Amendment");
    default: return NULL;
    }
}

static const char *
agreement_status_label (int value)
{
  switch ((SeAgreementStatus) value)
    {
    case SE_AGREEMENT_STATUS_DRAFT: return C_("agreement status", "Draft");
    case SE_AGREEMENT_STATUS_NEGOTIATION: return C_("agreement status", "In negotiation");
    case SE_AGREEMENT_STATUS_SIGNED: return C_("agreement status", "Signed");
    case SE_AGREEMENT_STATUS_EXPIRED: return C_("agreement status", "Expired");
    case SE_AGREEMENT_STATUS_TERMINATED: return C_("agreement status", "Terminated");
    default: return NULL;
    }
}

static const char *
placement_kind_label (int value)
{
  switch ((SePlacementKind) value)
    {
    case SE_PLACEMENT_KIND_HOSPITATION: return C_("placement kind", "Hospitation");
    case SE_PLACEMENT_KIND_JOB_SWAP: return C_("placement kind", "Job swap");
    case SE_PLACEMENT_KIND_VIRTUAL: return C_("placement kind", "Virtual placement");
    case SE_PLACEMENT_KIND_SECONDMENT: return C_("placement kind", "Secondment");
    case SE_PLACEMENT_KIND_DELEGATION_VISIT: return C_("placement kind", "Delegation visit");
    case SE_PLACEMENT_KIND_WORKING_MEETING: return C_("placement kind", "Working meeting");
    default: return NULL;
    }
}

static const char *
placement_format_label (int value)
{
  switch ((SePlacementFormat) value)
    {
    case SE_PLACEMENT_FORMAT_ON_SITE: return C_("placement format", "On site");
    case SE_PLACEMENT_FORMAT_VIRTUAL: return C_("placement format", "Virtual");
    case SE_PLACEMENT_FORMAT_HYBRID: return C_("placement format", "Hybrid");
    default: return NULL;
    }
}

static const char *
placement_status_label (int value)
{
  switch ((SePlacementStatus) value)
    {
    case SE_PLACEMENT_STATUS_PROPOSED: return C_("placement status", "Proposed");
    case SE_PLACEMENT_STATUS_APPROVED: return C_("placement status", "Approved");
    case SE_PLACEMENT_STATUS_COMPLETED: return C_("placement status", "Completed");
    case SE_PLACEMENT_STATUS_CANCELLED: return C_("placement status", "Cancelled");
    default: return NULL;
    }
}

static const char *
participant_role_label (int value)
{
  switch ((SeParticipantRole) value)
    {
    case SE_PARTICIPANT_ROLE_GUEST: return C_("participant role", "Guest");
    case SE_PARTICIPANT_ROLE_MENTOR: return C_("participant role", "Mentor at the host");
    case SE_PARTICIPANT_ROLE_COORDINATOR: return C_("participant role", "Coordinator");
    default: return NULL;
    }
}

static const char *
party_label (int value)
{
  switch ((SeParty) value)
    {
    case SE_PARTY_FIRST: return C_("agreement party", "First party");
    case SE_PARTY_SECOND: return C_("agreement party", "Second party");
    default: return NULL;
    }
}

static const char *
prerequisite_kind_label (int value)
{
  switch ((SePrerequisiteKind) value)
    {
    case SE_PREREQUISITE_KIND_NON_DISCLOSURE:
      return C_("prerequisite", "Non-disclosure declaration signed");
    case SE_PREREQUISITE_KIND_EMPLOYER_APPROVAL: return C_("prerequisite", "Employer approval");
    case SE_PREREQUISITE_KIND_STAFF_COUNCIL: return C_("prerequisite", "Staff council informed");
    case SE_PREREQUISITE_KIND_OTHER: return C_("prerequisite", "Other");
    default: return NULL;
    }
}

/**
 * se_enum_get_label:
 * @enum_type: one of the enum types of this file
 * @value: a value of @enum_type
 *
 * Returns: (transfer none) (nullable): the translated name of @value, as
 *   shown, printed and exported, or %NULL for an unknown value.
 */
const char *
se_enum_get_label (GType enum_type,
                   int   value)
{
  if (enum_type == SE_TYPE_ORGANISATION_KIND)
    return organisation_kind_label (value);
  if (enum_type == SE_TYPE_PARTNERSHIP_KIND)
    return partnership_kind_label (value);
  if (enum_type == SE_TYPE_PARTNERSHIP_STATUS)
    return partnership_status_label (value);
  if (enum_type == SE_TYPE_AGREEMENT_KIND)
    return agreement_kind_label (value);
  if (enum_type == SE_TYPE_AGREEMENT_STATUS)
    return agreement_status_label (value);
  if (enum_type == SE_TYPE_PLACEMENT_KIND)
    return placement_kind_label (value);
  if (enum_type == SE_TYPE_PLACEMENT_FORMAT)
    return placement_format_label (value);
  if (enum_type == SE_TYPE_PLACEMENT_STATUS)
    return placement_status_label (value);
  if (enum_type == SE_TYPE_PARTICIPANT_ROLE)
    return participant_role_label (value);
  if (enum_type == SE_TYPE_PARTY)
    return party_label (value);
  if (enum_type == SE_TYPE_PREREQUISITE_KIND)
    return prerequisite_kind_label (value);

  g_return_val_if_reached (NULL);
}

const char *
se_enum_get_nick (GType enum_type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
se_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  if (value != NULL)
    *value = ev->value;
  return TRUE;
}

/**
 * se_placement_kind_needs_mentor:
 * @kind: a kind of placement
 *
 * The one list of the kinds whose guests work alongside the host's staff,
 * and so need a mentor there (rule no-mentor of se-checks.h). A delegation
 * visit or a working meeting is hosted as a group, without one.
 *
 * Returns: %TRUE if the guests of a placement of @kind need a mentor at
 *   the host
 */
gboolean
se_placement_kind_needs_mentor (SePlacementKind kind)
{
  /* No default: a new kind does not compile (-Wswitch) until it is decided. */
  switch (kind)
    {
    case SE_PLACEMENT_KIND_HOSPITATION:
    case SE_PLACEMENT_KIND_JOB_SWAP:
    case SE_PLACEMENT_KIND_VIRTUAL:
    case SE_PLACEMENT_KIND_SECONDMENT:
      return TRUE;
    case SE_PLACEMENT_KIND_DELEGATION_VISIT:
    case SE_PLACEMENT_KIND_WORKING_MEETING:
      return FALSE;
    }
  return FALSE;
}
