/* se-participant.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "se-enums.h"
#include "se-error.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-unit.h"

/* A person taking part in a placement, with home and host organisation and role. A job swap has two guests crossing. */

struct _SeParticipant
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SeParticipant, se_participant, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "placement-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_OWNER, N_("Placement"), se_placement_get_type, NULL },
  { "person-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED, N_("Person"), se_person_get_type, NULL },
  { "role", SE_FIELD_ENUM, SE_FIELD_FLAGS_NONE, N_("Role"), se_participant_role_get_type, NULL },
  { "home-organisation-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED, N_("Home organisation"), se_organisation_get_type, NULL },
  { "host-organisation-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED, N_("Host organisation"), se_organisation_get_type, NULL },
  { "host-unit-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_WEAK, N_("Host unit"), se_unit_get_type, NULL },
};

static void
se_participant_class_init (SeParticipantClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "participant", N_("Participant"),
                                  fields, G_N_ELEMENTS (fields));
}

static void
se_participant_init (SeParticipant *self)
{
}

SeParticipant *
se_participant_new (void)
{
  return g_object_new (SE_TYPE_PARTICIPANT, NULL);
}
