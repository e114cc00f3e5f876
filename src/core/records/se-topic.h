/* se-topic.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_TOPIC (se_topic_get_type ())

G_DECLARE_FINAL_TYPE (SeTopic, se_topic, SE, TOPIC, SeRecord)

SeTopic *se_topic_new (void);

G_END_DECLS
