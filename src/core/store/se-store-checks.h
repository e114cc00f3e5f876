/* se-store-checks.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-finding.h"
#include "se-store.h"

G_BEGIN_DECLS

/* The store's part of the consistency checks (se-checks.h): dismissed
 * findings, kept in the `dismissal` table (schema version 2), and the
 * queries the rules read their records through, so that a run never
 * loads a whole table as records. */

/* The candidate rows of the rules of se-checks.h, each found by one query
 * over the indexes rather than over the record lists, so that a check
 * holds one row at a time, not whole tables. Each se_store_foreach_*()
 * calls @func once a row, in the order given; the strings belong to the
 * row and live only during the call. Texts are %NULL when empty, as in a
 * record. A query may hand out a row a rule then does not report: the
 * rule's own test in se-checks.c decides. */

/**
 * SeStoreOverlap:
 * @person_id: the person
 * @placement_a: the placement that starts first (the lower id on a tie)
 * @placement_b: the other placement
 * @title_a, @start_a, @end_a: @placement_a's title and dates
 * @title_b, @start_b, @end_b: @placement_b's
 *
 * A person taking part, in any role, in two placements whose periods share
 * at least one day.
 */
typedef struct
{
  gint64      person_id;
  gint64      placement_a;
  gint64      placement_b;
  const char *title_a;
  const char *start_a;
  const char *end_a;
  const char *title_b;
  const char *start_b;
  const char *end_b;
} SeStoreOverlap;

/**
 * SeStoreParticipant:
 * @id: a participant
 * @person_id: who takes part
 * @role: in which role
 * @home_id, @host_id: the participant's home and host organisations
 */
typedef struct
{
  gint64            id;
  gint64            person_id;
  SeParticipantRole role;
  gint64            home_id;
  gint64            host_id;
} SeStoreParticipant;

/**
 * SeStorePlacement:
 * @id, @title, @start_date, @end_date: a placement, not cancelled
 * @needs_mentor: whether it is of a kind whose guests need a mentor
 *   (se_placement_kind_needs_mentor())
 * @confidential: whether it requires confidentiality, by its own flag or
 *   its agreement's
 * @declared: whether it has a prerequisite of kind non-disclosure
 *   fulfilled on or before its first day
 * @agreement_id: its agreement, 0 if it has none (or it is gone)
 * @agreement_title, @valid_from, @valid_until: the agreement's title and
 *   validity
 * @quota_placements, @quota_days: the agreement's quota of persons and of
 *   person-days (se-quota.h), 0 for none
 * @party_a_id, @party_b_id: the agreement's parties
 * @partnership_id: its partnership, else its agreement's; 0 for none
 * @partnership_title: the partnership's own title, %NULL for none
 * @since, @until: the partnership's period, maybe partial dates
 * @participants: its participants, ordered by id
 * @n_participants: how many
 * @planned: whether it is proposed or approved
 */
typedef struct
{
  gint64                    id;
  const char               *title;
  const char               *start_date;
  const char               *end_date;
  gboolean                  needs_mentor;
  gboolean                  confidential;
  gboolean                  declared;
  gint64                    agreement_id;
  const char               *agreement_title;
  const char               *valid_from;
  const char               *valid_until;
  int                       quota_placements;
  int                       quota_days;
  gint64                    party_a_id;
  gint64                    party_b_id;
  gint64                    partnership_id;
  const char               *partnership_title;
  const char               *since;
  const char               *until;
  const SeStoreParticipant *participants;
  guint                     n_participants;
  gboolean                  planned;
} SeStorePlacement;

/**
 * SeStoreDeclaration:
 * @agreement_id: a signed agreement of kind non-disclosure
 * @party_a_id, @party_b_id: its parties
 * @valid_until: its end, %NULL for none
 * @party: the side of one of its signatories who signed
 * @signed_on: when that one signed
 */
typedef struct
{
  gint64      agreement_id;
  gint64      party_a_id;
  gint64      party_b_id;
  const char *valid_until;
  SeParty     party;
  const char *signed_on;
} SeStoreDeclaration;

typedef void (*SeStoreOverlapFunc)          (const SeStoreOverlap         *row,
                                             gpointer                      user_data);
typedef void (*SeStorePlacementFunc)        (const SeStorePlacement       *row,
                                             gpointer                      user_data);
typedef void (*SeStoreDeclarationFunc)      (const SeStoreDeclaration     *row,
                                             gpointer                      user_data);
typedef void (*SeStoreIdFunc)               (gint64                        id,
                                             gpointer                      user_data);
typedef void (*SeStoreIdPairFunc)           (gint64                        id,
                                             gint64                        other_id,
                                             gpointer                      user_data);

gboolean    se_store_dismiss_finding             (SeStore      *self,
                                                  SeCheckRule   rule,
                                                  GType         record_type,
                                                  gint64        record_id,
                                                  GError      **error);
gboolean    se_store_undismiss                   (SeStore      *self,
                                                  SeCheckRule   rule,
                                                  GType         record_type,
                                                  gint64        record_id,
                                                  GError      **error);
gboolean    se_store_is_dismissed                (SeStore      *self,
                                                  SeCheckRule   rule,
                                                  GType         record_type,
                                                  gint64        record_id);
GHashTable *se_store_get_dismissals              (SeStore      *self,
                                                  GError      **error);
char       *se_store_dismissal_key               (SeCheckRule   rule,
                                                  const char   *record_table,
                                                  gint64        record_id);

gboolean    se_store_foreach_overlap             (SeStore      *self,
                                                  SeStoreOverlapFunc func,
                                                  gpointer      user_data,
                                                  GError      **error);
gboolean    se_store_foreach_placement           (SeStore      *self,
                                                  SeStorePlacementFunc func,
                                                  gpointer      user_data,
                                                  GError      **error);
gboolean    se_store_foreach_signed_declaration  (SeStore      *self,
                                                  SeStoreDeclarationFunc func,
                                                  gpointer      user_data,
                                                  GError      **error);
gboolean    se_store_foreach_organisation_parent (SeStore      *self,
                                                  SeStoreIdPairFunc func,
                                                  gpointer      user_data,
                                                  GError      **error);
gboolean    se_store_foreach_expiring_agreement  (SeStore      *self,
                                                  const char   *first_day,
                                                  const char   *last_day,
                                                  SeStoreIdFunc func,
                                                  gpointer      user_data,
                                                  GError      **error);
gboolean    se_store_foreach_starting_placement  (SeStore      *self,
                                                  const char   *first_day,
                                                  const char   *last_day,
                                                  SeStoreIdFunc func,
                                                  gpointer      user_data,
                                                  GError      **error);
gboolean    se_store_foreach_lone_partnership    (SeStore      *self,
                                                  SeStoreIdFunc func,
                                                  gpointer      user_data,
                                                  GError      **error);

G_END_DECLS
