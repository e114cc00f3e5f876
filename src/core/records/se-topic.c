/* se-topic.c
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
#include "se-topic.h"

/* A subject placements deal with: digital transformation, the e-file, health management. */

struct _SeTopic
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SeTopic, se_topic, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "name", SE_FIELD_TEXT, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_SEARCHABLE, N_("Name"), NULL, NULL },
};

static void
se_topic_class_init (SeTopicClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "topic", N_("Topic"),
                                  fields, G_N_ELEMENTS (fields));
}

static void
se_topic_init (SeTopic *self)
{
}

SeTopic *
se_topic_new (void)
{
  return g_object_new (SE_TYPE_TOPIC, NULL);
}
