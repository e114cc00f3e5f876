/* se-person.c
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
#include "se-person.h"
#include "se-unit.h"

/* An employee who takes part, signs or approves. Personal data: kept to what the office needs. */

struct _SePerson
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SePerson, se_person, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "given-name", SE_FIELD_TEXT, SE_FIELD_FLAGS_SEARCHABLE, N_("Given name"), NULL, NULL },
  { "family-name", SE_FIELD_TEXT, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_SEARCHABLE, N_("Family name"), NULL, NULL },
  { "organisation-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_NONE, N_("Organisation"), se_organisation_get_type, NULL },
  { "unit-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_WEAK, N_("Unit"), se_unit_get_type, NULL },
  { "function", SE_FIELD_TEXT, SE_FIELD_FLAGS_SEARCHABLE, N_("Function"), NULL, NULL },
  { "email", SE_FIELD_EMAIL, SE_FIELD_FLAGS_NONE, N_("Email"), NULL, NULL },
  { "phone", SE_FIELD_TEXT, SE_FIELD_FLAGS_NONE, N_("Phone"), NULL, NULL },
  { "languages", SE_FIELD_TEXT, SE_FIELD_FLAGS_NONE, N_("Languages"), NULL, NULL },
  { "notes", SE_FIELD_LONG_TEXT, SE_FIELD_FLAGS_NONE, N_("Notes"), NULL, NULL },
};

static char *
se_person_dup_title (SeRecord *record)
{
  const char *given = se_record_get_string (record, "given-name");
  const char *family = se_record_get_string (record, "family-name");

  if (given == NULL)
    return g_strdup (family != NULL ? family : "");
  /* Translators: a person's name: %1$s is the given name, %2$s the family name */
  return g_strdup_printf (C_("person name", "%1$s %2$s"), given, family != NULL ? family : "");
}

static void
se_person_class_init (SePersonClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "person", N_("Person"),
                                  fields, G_N_ELEMENTS (fields));

  record_class->dup_title = se_person_dup_title;
}

static void
se_person_init (SePerson *self)
{
}

SePerson *
se_person_new (void)
{
  return g_object_new (SE_TYPE_PERSON, NULL);
}
