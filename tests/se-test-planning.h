/* se-test-planning.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Small builders of records for the tests of the planning aids (checks,
 * statistics, calendar export): each saves a record and returns its id. */

#include "se-agreement.h"
#include "se-enums.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-prerequisite.h"
#include "se-programme-item.h"
#include "se-signatory.h"
#include "se-store.h"

G_BEGIN_DECLS

static inline gint64
se_test_save (SeStore  *store,
              SeRecord *record)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  se_store_save (store, record, &field, &error);
  g_assert_no_error (error);
  return se_record_get_id (record);
}

static inline gint64
se_test_organisation (SeStore    *store,
                      const char *name,
                      gint64      parent)
{
  g_autoptr(SeRecord) r = SE_RECORD (se_organisation_new ());

  se_record_set_string (r, "name", name);
  se_record_set_reference (r, "parent-id", parent);
  return se_test_save (store, r);
}

static inline gint64
se_test_person (SeStore    *store,
                const char *family_name,
                gint64      organisation)
{
  g_autoptr(SeRecord) r = SE_RECORD (se_person_new ());

  se_record_set_string (r, "family-name", family_name);
  se_record_set_reference (r, "organisation-id", organisation);
  return se_test_save (store, r);
}

static inline gint64
se_test_partnership (SeStore             *store,
                     gint64               a,
                     gint64               b,
                     const char          *since,
                     const char          *until,
                     SePartnershipStatus  status,
                     gint64               parent)
{
  g_autoptr(SeRecord) r = SE_RECORD (se_partnership_new ());

  se_record_set_reference (r, "organisation-a-id", a);
  se_record_set_reference (r, "organisation-b-id", b);
  se_record_set_string (r, "since", since);
  se_record_set_string (r, "until", until);
  se_record_set_int (r, "status", status);
  se_record_set_reference (r, "parent-id", parent);
  return se_test_save (store, r);
}

static inline gint64
se_test_agreement (SeStore           *store,
                   gint64             partnership,
                   gint64             a,
                   gint64             b,
                   SeAgreementKind    kind,
                   SeAgreementStatus  status,
                   const char        *from,
                   const char        *until)
{
  g_autoptr(SeRecord) r = SE_RECORD (se_agreement_new ());

  se_record_set_reference (r, "partnership-id", partnership);
  se_record_set_reference (r, "party-a-id", a);
  se_record_set_reference (r, "party-b-id", b);
  se_record_set_int (r, "kind", kind);
  se_record_set_int (r, "status", status);
  se_record_set_string (r, "title", "Vereinbarung");
  se_record_set_string (r, "valid-from", from);
  se_record_set_string (r, "valid-until", until);
  return se_test_save (store, r);
}

static inline gint64
se_test_placement (SeStore           *store,
                   SePlacementKind    kind,
                   const char        *title,
                   const char        *start,
                   const char        *end,
                   SePlacementStatus  status,
                   gint64             partnership,
                   gint64             agreement)
{
  g_autoptr(SeRecord) r = SE_RECORD (se_placement_new ());

  se_record_set_int (r, "kind", kind);
  se_record_set_string (r, "title", title);
  se_record_set_string (r, "start-date", start);
  se_record_set_string (r, "end-date", end);
  se_record_set_int (r, "status", status);
  se_record_set_reference (r, "partnership-id", partnership);
  se_record_set_reference (r, "agreement-id", agreement);
  return se_test_save (store, r);
}

static inline gint64
se_test_participant (SeStore           *store,
                     gint64             placement,
                     gint64             person,
                     SeParticipantRole  role,
                     gint64             home,
                     gint64             host)
{
  g_autoptr(SeRecord) r = SE_RECORD (se_participant_new ());

  se_record_set_reference (r, "placement-id", placement);
  se_record_set_reference (r, "person-id", person);
  se_record_set_int (r, "role", role);
  se_record_set_reference (r, "home-organisation-id", home);
  se_record_set_reference (r, "host-organisation-id", host);
  return se_test_save (store, r);
}

/* Changes one field of a stored record and saves it. */
static inline void
se_test_update (SeStore    *store,
                GType       type,
                gint64      id,
                const char *field,
                const char *text,
                int         number)
{
  g_autoptr(SeRecord) stored = se_store_lookup (store, type, id);
  g_autoptr(SeRecord) copy = NULL;
  const SeField *f;

  g_assert_nonnull (stored);
  copy = se_record_copy (stored);
  f = se_record_class_find_field (SE_RECORD_GET_CLASS (copy), field);
  g_assert_nonnull (f);
  if (f->type == SE_FIELD_INT || f->type == SE_FIELD_BOOLEAN || f->type == SE_FIELD_ENUM)
    se_record_set_int (copy, field, number);
  else if (f->type == SE_FIELD_REFERENCE)
    se_record_set_reference (copy, field, number);
  else
    se_record_set_string (copy, field, text);
  se_test_save (store, copy);
}

G_END_DECLS
