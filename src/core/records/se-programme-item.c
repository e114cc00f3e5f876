/* se-programme-item.c
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
#include "se-placement.h"
#include "se-programme-item.h"

/* One entry of a placement's programme: the daily briefing, a meeting, a visit. */

struct _SeProgrammeItem
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SeProgrammeItem, se_programme_item, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "placement-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_OWNER, N_("Placement"), se_placement_get_type, NULL },
  { "date", SE_FIELD_DATE, SE_FIELD_FLAGS_REQUIRED, N_("Date"), NULL, NULL },
  { "start-time", SE_FIELD_TIME, SE_FIELD_FLAGS_NONE, N_("From"), NULL, NULL },
  { "end-time", SE_FIELD_TIME, SE_FIELD_FLAGS_NONE, N_("To"), NULL, "start-time" },
  { "title", SE_FIELD_TEXT, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_SEARCHABLE, N_("Title"), NULL, NULL },
  { "location", SE_FIELD_TEXT, SE_FIELD_FLAGS_NONE, N_("Place"), NULL, NULL },
  { "notes", SE_FIELD_LONG_TEXT, SE_FIELD_FLAGS_NONE, N_("Notes"), NULL, NULL },
};

static void
se_programme_item_class_init (SeProgrammeItemClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "programme_item", N_("Programme item"),
                                  fields, G_N_ELEMENTS (fields));
}

static void
se_programme_item_init (SeProgrammeItem *self)
{
}

SeProgrammeItem *
se_programme_item_new (void)
{
  return g_object_new (SE_TYPE_PROGRAMME_ITEM, NULL);
}
