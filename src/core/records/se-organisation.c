/* se-organisation.c
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

/* An administration or body that sends or hosts staff: a city, a district, a job centre, a municipal IT service provider, a foreign local authority. */

struct _SeOrganisation
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SeOrganisation, se_organisation, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "name", SE_FIELD_TEXT, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_SEARCHABLE, N_("Name"), NULL, NULL },
  { "short-name", SE_FIELD_TEXT, SE_FIELD_FLAGS_SEARCHABLE, N_("Short name"), NULL, NULL },
  { "kind", SE_FIELD_ENUM, SE_FIELD_FLAGS_NONE, N_("Kind"), se_organisation_kind_get_type, NULL },
  { "country", SE_FIELD_COUNTRY, SE_FIELD_FLAGS_REQUIRED, N_("Country"), NULL, NULL },
  { "region", SE_FIELD_TEXT, SE_FIELD_FLAGS_SEARCHABLE, N_("Region"), NULL, NULL },
  { "parent-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_NONE, N_("Parent organisation"), se_organisation_get_type, NULL },
  { "address", SE_FIELD_LONG_TEXT, SE_FIELD_FLAGS_SEARCHABLE, N_("Address"), NULL, NULL },
  { "website", SE_FIELD_WEBSITE, SE_FIELD_FLAGS_NONE, N_("Website"), NULL, NULL },
  { "notes", SE_FIELD_LONG_TEXT, SE_FIELD_FLAGS_NONE, N_("Notes"), NULL, NULL },
};

static void
se_organisation_class_init (SeOrganisationClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "organisation", N_("Organisation"),
                                  fields, G_N_ELEMENTS (fields));
}

static void
se_organisation_init (SeOrganisation *self)
{
  se_record_set_string (SE_RECORD (self), "country", "DE");
}

SeOrganisation *
se_organisation_new (void)
{
  return g_object_new (SE_TYPE_ORGANISATION, NULL);
}
