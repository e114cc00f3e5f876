/* se-placement-topic.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_PLACEMENT_TOPIC (se_placement_topic_get_type ())

G_DECLARE_FINAL_TYPE (SePlacementTopic, se_placement_topic, SE, PLACEMENT_TOPIC, SeRecord)

SePlacementTopic *se_placement_topic_new (void);

G_END_DECLS
