/* se-person.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_PERSON (se_person_get_type ())

G_DECLARE_FINAL_TYPE (SePerson, se_person, SE, PERSON, SeRecord)

SePerson *se_person_new (void);

G_END_DECLS
