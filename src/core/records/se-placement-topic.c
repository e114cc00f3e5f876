/* se-placement-topic.c
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
#include "se-placement-topic.h"
#include "se-topic.h"

/* Links a placement to one of its topics. */

struct _SePlacementTopic
{
  SeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SePlacementTopic, se_placement_topic, SE_TYPE_RECORD)

static const SeField fields[] = {
  { "placement-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_OWNER, N_("Placement"), se_placement_get_type, NULL },
  { "topic-id", SE_FIELD_REFERENCE, SE_FIELD_FLAGS_REQUIRED | SE_FIELD_FLAGS_OWNER, N_("Topic"), se_topic_get_type, NULL },
};

static void
se_placement_topic_class_init (SePlacementTopicClass *klass)
{
  SeRecordClass *record_class = SE_RECORD_CLASS (klass);

  se_record_class_install_fields (record_class, "placement_topic", N_("Topic of a placement"),
                                  fields, G_N_ELEMENTS (fields));
}

static void
se_placement_topic_init (SePlacementTopic *self)
{
}

SePlacementTopic *
se_placement_topic_new (void)
{
  return g_object_new (SE_TYPE_PLACEMENT_TOPIC, NULL);
}
