/* se-participant.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_PARTICIPANT (se_participant_get_type ())

G_DECLARE_FINAL_TYPE (SeParticipant, se_participant, SE, PARTICIPANT, SeRecord)

SeParticipant *se_participant_new (void);

G_END_DECLS
