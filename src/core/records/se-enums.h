/* se-enums.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SE_ORGANISATION_KIND_CITY,
  SE_ORGANISATION_KIND_DISTRICT,
  SE_ORGANISATION_KIND_STATE_AGENCY,
  SE_ORGANISATION_KIND_JOB_CENTRE,
  SE_ORGANISATION_KIND_IT_SERVICE_PROVIDER,
  SE_ORGANISATION_KIND_UMBRELLA_BODY,
  SE_ORGANISATION_KIND_FOREIGN_AUTHORITY,
  SE_ORGANISATION_KIND_OTHER,
} SeOrganisationKind;

typedef enum
{
  SE_PARTNERSHIP_KIND_PARTNERSHIP,
  SE_PARTNERSHIP_KIND_FRIENDSHIP,
  SE_PARTNERSHIP_KIND_PROJECT,
  SE_PARTNERSHIP_KIND_CONTACT,
  SE_PARTNERSHIP_KIND_COOPERATION,
} SePartnershipKind;

typedef enum
{
  SE_PARTNERSHIP_STATUS_ACTIVE,
  SE_PARTNERSHIP_STATUS_PLANNED,
  SE_PARTNERSHIP_STATUS_DORMANT,
  SE_PARTNERSHIP_STATUS_ENDED,
} SePartnershipStatus;

typedef enum
{
  SE_AGREEMENT_KIND_COOPERATION,
  SE_AGREEMENT_KIND_HOSPITATION,
  SE_AGREEMENT_KIND_NON_DISCLOSURE,
  SE_AGREEMENT_KIND_CHARTER,
  SE_AGREEMENT_KIND_AMENDMENT,
} SeAgreementKind;

typedef enum
{
  SE_AGREEMENT_STATUS_DRAFT,
  SE_AGREEMENT_STATUS_NEGOTIATION,
  SE_AGREEMENT_STATUS_SIGNED,
  SE_AGREEMENT_STATUS_EXPIRED,
  SE_AGREEMENT_STATUS_TERMINATED,
} SeAgreementStatus;

typedef enum
{
  SE_PLACEMENT_KIND_HOSPITATION,
  SE_PLACEMENT_KIND_JOB_SWAP,
  SE_PLACEMENT_KIND_VIRTUAL,
  SE_PLACEMENT_KIND_SECONDMENT,
  SE_PLACEMENT_KIND_DELEGATION_VISIT,
  SE_PLACEMENT_KIND_WORKING_MEETING,
} SePlacementKind;

typedef enum
{
  SE_PLACEMENT_FORMAT_ON_SITE,
  SE_PLACEMENT_FORMAT_VIRTUAL,
  SE_PLACEMENT_FORMAT_HYBRID,
} SePlacementFormat;

typedef enum
{
  SE_PLACEMENT_STATUS_PROPOSED,
  SE_PLACEMENT_STATUS_APPROVED,
  SE_PLACEMENT_STATUS_COMPLETED,
  SE_PLACEMENT_STATUS_CANCELLED,
} SePlacementStatus;

typedef enum
{
  SE_PARTICIPANT_ROLE_GUEST,
  SE_PARTICIPANT_ROLE_MENTOR,
  SE_PARTICIPANT_ROLE_COORDINATOR,
} SeParticipantRole;

typedef enum
{
  SE_PARTY_FIRST,
  SE_PARTY_SECOND,
} SeParty;

typedef enum
{
  SE_PREREQUISITE_KIND_NON_DISCLOSURE,
  SE_PREREQUISITE_KIND_EMPLOYER_APPROVAL,
  SE_PREREQUISITE_KIND_STAFF_COUNCIL,
  SE_PREREQUISITE_KIND_OTHER,
} SePrerequisiteKind;

#define SE_TYPE_ORGANISATION_KIND (se_organisation_kind_get_type ())
#define SE_TYPE_PARTNERSHIP_KIND (se_partnership_kind_get_type ())
#define SE_TYPE_PARTNERSHIP_STATUS (se_partnership_status_get_type ())
#define SE_TYPE_AGREEMENT_KIND (se_agreement_kind_get_type ())
#define SE_TYPE_AGREEMENT_STATUS (se_agreement_status_get_type ())
#define SE_TYPE_PLACEMENT_KIND (se_placement_kind_get_type ())
#define SE_TYPE_PLACEMENT_FORMAT (se_placement_format_get_type ())
#define SE_TYPE_PLACEMENT_STATUS (se_placement_status_get_type ())
#define SE_TYPE_PARTICIPANT_ROLE (se_participant_role_get_type ())
#define SE_TYPE_PARTY (se_party_get_type ())
#define SE_TYPE_PREREQUISITE_KIND (se_prerequisite_kind_get_type ())

GType se_organisation_kind_get_type (void) G_GNUC_CONST;
GType se_partnership_kind_get_type (void) G_GNUC_CONST;
GType se_partnership_status_get_type (void) G_GNUC_CONST;
GType se_agreement_kind_get_type (void) G_GNUC_CONST;
GType se_agreement_status_get_type (void) G_GNUC_CONST;
GType se_placement_kind_get_type (void) G_GNUC_CONST;
GType se_placement_format_get_type (void) G_GNUC_CONST;
GType se_placement_status_get_type (void) G_GNUC_CONST;
GType se_participant_role_get_type (void) G_GNUC_CONST;
GType se_party_get_type (void) G_GNUC_CONST;
GType se_prerequisite_kind_get_type (void) G_GNUC_CONST;

const char *se_enum_get_label (GType enum_type,
                               int   value);
const char *se_enum_get_nick  (GType enum_type,
                               int   value);
gboolean    se_enum_from_nick (GType       enum_type,
                               const char *nick,
                               int        *value);

gboolean    se_placement_kind_needs_mentor (SePlacementKind kind);

G_END_DECLS
