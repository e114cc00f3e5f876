/* se-report-summary.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-reports"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <pango/pangocairo.h>

#include "se-agreement.h"
#include "se-approval.h"
#include "se-date.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement-topic.h"
#include "se-placement.h"
#include "se-programme-item.h"
#include "se-quota.h"
#include "se-report.h"
#include "se-signatory.h"
#include "se-topic.h"
#include "se-unit.h"

#include "se-report-private.h"

/* The agreement summary a manager signs: the partners, the terms, the
 * quotas and their use, the placements, the signatories and approvals. */

static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  SeRecord *x = *(SeRecord **) a;
  SeRecord *y = *(SeRecord **) b;
  int c = g_strcmp0 (se_record_get_string (x, "start-date"), se_record_get_string (y, "start-date"));

  if (c != 0)
    return c;
  return se_record_get_id (x) < se_record_get_id (y) ? -1 : se_record_get_id (x) > se_record_get_id (y);
}

static char *
signatory_markup (SeStore  *store,
                  SeRecord *signatory)
{
  g_autofree char *name = _se_report_person_name (store, signatory);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *bold = g_markup_printf_escaped ("<b>%s</b>", name);
  const char *signed_on = se_record_get_string (signatory, "signed-on");
  g_autofree char *when = NULL;

  _se_report_append_line (markup, bold);
  _se_report_append_text_line (markup, se_record_get_string (signatory, "function"));
  if (signed_on != NULL)
    {
      g_autofree char *date = se_date_format (signed_on);
      /* Translators: when a signatory signed the agreement, %s is a date */
      when = g_strdup_printf (C_("summary", "Signed on %s"), date);
    }
  else
    when = g_strdup (C_("summary", "Not signed yet"));
  _se_report_append_text_line (markup, when);
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
add_signatories (SeReport *self,
                 SeStore  *store,
                 SeRecord *agreement)
{
  g_autoptr(GPtrArray) all = se_store_find (store, SE_TYPE_SIGNATORY, "agreement-id",
                                            se_record_get_id (agreement));
  g_autoptr(GPtrArray) first = g_ptr_array_new ();
  g_autoptr(GPtrArray) second = g_ptr_array_new ();
  GPtrArray *side[2] = { first, second };
  g_autofree char *a = _se_report_organisation_name (store, se_record_get_reference (agreement, "party-a-id"), FALSE);
  g_autofree char *b = _se_report_organisation_name (store, se_record_get_reference (agreement, "party-b-id"), FALSE);
  Item *item;
  guint n;

  _se_report_add_heading (self, C_("summary", "Signatories"));

  for (guint i = 0; i < all->len; i++)
    {
      SeRecord *s = g_ptr_array_index (all, i);
      g_ptr_array_add (side[se_record_get_int (s, "party") == SE_PARTY_SECOND ? 1 : 0], s);
    }

  item = _se_report_add_item (self, ITEM_KEEP_WITH_NEXT, 2);
  _se_report_add_cell (item, 0, 0.48, STYLE_LABEL, PANGO_ALIGN_LEFT, _se_report_grey (a));
  _se_report_add_cell (item, 0.52, 0.48, STYLE_LABEL, PANGO_ALIGN_LEFT, _se_report_grey (b));

  n = MAX (MAX (side[0]->len, side[1]->len), 1);
  for (guint i = 0; i < n; i++)
    {
      item = _se_report_add_item (self, 0, 4);
      for (guint s = 0; s < 2; s++)
        {
          char *markup;

          if (i < side[s]->len)
            markup = signatory_markup (store, g_ptr_array_index (side[s], i));
          else if (i == 0)
            markup = _se_report_grey (C_("summary", "No signatory recorded"));
          else
            markup = g_strdup ("");
          _se_report_add_cell (item, s == 0 ? 0 : 0.52, 0.48, STYLE_BODY, PANGO_ALIGN_LEFT, markup);
        }
    }
}

static void
add_approvals (SeReport *self,
               SeStore  *store,
               SeRecord *agreement)
{
  g_autoptr(GPtrArray) approvals = se_store_find (store, SE_TYPE_APPROVAL, "agreement-id",
                                                  se_record_get_id (agreement));
  const Column columns[] = {
    { C_("summary", "Name"), 0.24, PANGO_ALIGN_LEFT },
    { C_("summary", "Function"), 0.32, PANGO_ALIGN_LEFT },
    { C_("summary", "Approved on"), 0.16, PANGO_ALIGN_LEFT },
    { C_("summary", "Note"), 0.28, PANGO_ALIGN_LEFT },
  };
  int header;

  _se_report_add_heading (self, C_("summary", "Approvals"));
  if (approvals->len == 0)
    {
      _se_report_add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT, C_("summary", "No approvals recorded."));
      return;
    }

  header = _se_report_add_table_header (self, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < approvals->len; i++)
    {
      SeRecord *approval = g_ptr_array_index (approvals, i);
      g_autofree char *name = _se_report_person_name (store, approval);
      g_autofree char *date = se_date_format (se_record_get_string (approval, "approved-on"));
      const char *function = se_record_get_string (approval, "function");
      const char *note = se_record_get_string (approval, "note");
      char *cells[] = {
        g_markup_escape_text (name, -1),
        g_markup_escape_text (function != NULL ? function : "", -1),
        g_markup_escape_text (date, -1),
        g_markup_escape_text (note != NULL ? note : "", -1),
      };

      _se_report_add_row (self, header, columns, G_N_ELEMENTS (columns), cells);
    }
}

static char *
quota_cell (guint    used,
            int      quota,
            gboolean exceeded)
{
  g_autofree char *text = NULL;

  if (quota > 0)
    /* Translators: how much of a yearly quota is used, "3 of 4" */
    text = g_strdup_printf (C_("summary", "%u of %d"), used, quota);
  else
    text = g_strdup_printf ("%u", used);

  if (exceeded)
    /* Translators: after "5 of 4" in the quota table */
    return g_markup_printf_escaped ("<b>%s – %s</b>", text, C_("summary", "exceeded"));
  return g_markup_escape_text (text, -1);
}

/* The quota and its use in persons and person-days, counted by se-quota.c
 * as the consistency checks count it. */
static void
add_quota (SeReport *self,
           SeStore  *store,
           SeRecord *agreement)
{
  SeQuota quota = se_quota_of_agreement (agreement);
  g_autoptr(GArray) use = se_quota_count_use (store, agreement);
  g_autofree char *a = _se_report_organisation_name (store, se_record_get_reference (agreement, "party-a-id"), TRUE);
  g_autofree char *b = _se_report_organisation_name (store, se_record_get_reference (agreement, "party-b-id"), TRUE);
  const Column columns[] = {
    { C_("summary", "Year"), 0.12, PANGO_ALIGN_LEFT },
    { C_("summary", "Direction"), 0.44, PANGO_ALIGN_LEFT },
    { C_("summary", "Persons"), 0.22, PANGO_ALIGN_LEFT },
    { C_("summary", "Person-days"), 0.22, PANGO_ALIGN_LEFT },
  };
  g_autofree char *text = NULL;
  Item *item;
  int header;

  _se_report_add_heading (self, C_("summary", "Quota and use"));

  if (se_quota_is_agreed (&quota))
    {
      int persons = (int) quota.persons, person_days = (int) quota.person_days;
      g_autofree char *p = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person",
                                                         "%d persons", persons),
                                            persons);
      g_autofree char *d = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person-day",
                                                         "%d person-days", person_days),
                                            person_days);
      g_autofree char *both = NULL;

      if (quota.persons > 0 && quota.person_days > 0)
        /* Translators: a quota of persons and of person-days,
         * "4 persons and 20 person-days" */
        both = g_strdup_printf (C_("summary", "%s and %s"), p, d);
      else
        both = g_strdup (quota.persons > 0 ? p : d);
      /* Translators: %s is "4 persons and 20 person-days" or one of them */
      text = g_strdup_printf (C_("summary", "Quota per calendar year and direction: %s."), both);
    }
  else
    text = g_strdup (C_("summary", "No quota agreed."));
  item = _se_report_add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT, text);

  if (use->len == 0)
    {
      _se_report_add_space (self, 3);
      _se_report_add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT,
                           C_("summary", "No placement under this agreement has used the quota yet."));
      return;
    }

  item->flags |= ITEM_KEEP_WITH_NEXT;
  _se_report_add_space (self, 6);
  header = _se_report_add_table_header (self, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < use->len; i++)
    {
      const SeQuotaUse *u = &g_array_index (use, SeQuotaUse, i);
      /* Translators: the direction of placements, from one party to the other */
      g_autofree char *direction = g_strdup_printf (C_("summary", "%s → %s"),
                                                    u->direction == SE_PARTY_FIRST ? a : b,
                                                    u->direction == SE_PARTY_FIRST ? b : a);
      char *cells[] = {
        g_strdup_printf ("%d", u->year),
        g_markup_escape_text (direction, -1),
        quota_cell (u->persons, (int) quota.persons, se_quota_exceeds_persons (&quota, u)),
        quota_cell (u->person_days, (int) quota.person_days,
                    se_quota_exceeds_person_days (&quota, u)),
      };

      _se_report_add_row (self, header, columns, G_N_ELEMENTS (columns), cells);
    }
}

/* The people of a placement, one a line, and where the guests go. */
static void
describe_participants (SeStore   *store,
                       SeRecord  *placement,
                       char     **people,
                       char     **hosts)
{
  g_autoptr(GPtrArray) participants = se_store_find (store, SE_TYPE_PARTICIPANT, "placement-id",
                                                     se_record_get_id (placement));
  g_autoptr(GString) p = g_string_new (NULL);
  g_autoptr(GString) h = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean any_guest = FALSE;

  for (guint i = 0; i < participants->len; i++)
    any_guest |= se_record_get_int (g_ptr_array_index (participants, i), "role") == SE_PARTICIPANT_ROLE_GUEST;

  for (guint i = 0; i < participants->len; i++)
    {
      SeRecord *participant = g_ptr_array_index (participants, i);
      int role = se_record_get_int (participant, "role");
      g_autofree char *name = se_describe_reference (store, participant, "person-id");
      g_autofree char *line = NULL;
      g_autofree char *host = NULL;
      g_autofree char *unit = NULL;

      if (role == SE_PARTICIPANT_ROLE_GUEST)
        line = g_markup_escape_text (name, -1);
      else
        line = g_markup_printf_escaped ("%s <span foreground=\"" GREY "\">(%s)</span>", name,
                                        se_enum_get_label (SE_TYPE_PARTICIPANT_ROLE, role));
      _se_report_append_line (p, line);

      if (any_guest && role != SE_PARTICIPANT_ROLE_GUEST)
        continue;
      host = _se_report_organisation_name (store, se_record_get_reference (participant, "host-organisation-id"),
                                           FALSE);
      unit = se_describe_reference (store, participant, "host-unit-id");
      if (*unit != '\0')
        {
          /* Translators: an organisation and a unit in it */
          char *both = g_strdup_printf (C_("report", "%s, %s"), host, unit);
          g_free (host);
          host = both;
        }
      if (!g_hash_table_contains (seen, host))
        {
          _se_report_append_text_line (h, host);
          g_hash_table_add (seen, g_steal_pointer (&host));
        }
    }

  *people = g_string_free (g_steal_pointer (&p), FALSE);
  *hosts = g_string_free (g_steal_pointer (&h), FALSE);
}

static void
add_placements (SeReport *self,
                SeStore  *store,
                SeRecord *agreement)
{
  g_autoptr(GPtrArray) placements = se_store_find (store, SE_TYPE_PLACEMENT, "agreement-id",
                                                   se_record_get_id (agreement));
  const Column columns[] = {
    { C_("summary", "No."), 0.06, PANGO_ALIGN_RIGHT },
    { C_("summary", "Placement"), 0.28, PANGO_ALIGN_LEFT },
    { C_("summary", "Participants"), 0.22, PANGO_ALIGN_LEFT },
    { C_("summary", "Host"), 0.18, PANGO_ALIGN_LEFT },
    { C_("summary", "Dates"), 0.14, PANGO_ALIGN_LEFT },
    { C_("summary", "Status"), 0.12, PANGO_ALIGN_LEFT },
  };
  g_autofree char *count = NULL;
  int header;

  _se_report_add_heading (self, C_("summary", "Placements covered"));
  if (placements->len == 0)
    {
      _se_report_add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT,
                           C_("summary", "No placement is recorded under this agreement."));
      return;
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u placement is recorded under this agreement.",
                                        "%u placements are recorded under this agreement.",
                                        placements->len),
                           placements->len);
  _se_report_add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT, count)->flags |= ITEM_KEEP_WITH_NEXT;
  _se_report_add_space (self, 6);

  g_ptr_array_sort (placements, compare_placements);
  header = _se_report_add_table_header (self, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < placements->len; i++)
    {
      SeRecord *placement = g_ptr_array_index (placements, i);
      g_autofree char *period = se_describe_period (se_record_get_string (placement, "start-date"),
                                                    se_record_get_string (placement, "end-date"));
      char *people = NULL, *hosts = NULL;
      char *cells[6];

      describe_participants (store, placement, &people, &hosts);
      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_markup_printf_escaped ("<b>%s</b>\n<span foreground=\"" GREY "\">%s</span>",
                                          se_record_get_string (placement, "title"),
                                          se_enum_get_label (SE_TYPE_PLACEMENT_KIND,
                                                             se_record_get_int (placement, "kind")));
      cells[2] = people;
      cells[3] = hosts;
      cells[4] = g_markup_escape_text (period, -1);
      cells[5] = g_markup_escape_text (se_enum_get_label (SE_TYPE_PLACEMENT_STATUS,
                                                          se_record_get_int (placement, "status")),
                                       -1);
      _se_report_add_row (self, header, columns, G_N_ELEMENTS (columns), cells);
    }
}

/**
 * se_report_new_agreement_summary:
 * @store: the store
 * @agreement: an agreement in @store
 * @error: return location for an error
 *
 * Reads everything the printed summary of @agreement shows: the parties,
 * the facts, signatories, approvals, quota and its use, the placements
 * the agreement covers and its terms, in the language of the user
 * interface.
 *
 * Returns: (transfer full): the report, or %NULL if @agreement is not stored
 */
SeReport *
se_report_new_agreement_summary (SeStore   *store,
                                 SeRecord  *agreement,
                                 GError   **error)
{
  g_autoptr(SeReport) self = NULL;
  g_autoptr(SeRecord) stored = NULL;
  g_autoptr(SeRecord) partnership = NULL;
  g_autoptr(SeRecord) amends = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  const char *reference, *kind, *terms, *document;
  Item *item;

  g_return_val_if_fail (SE_IS_STORE (store), NULL);
  g_return_val_if_fail (SE_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stored = se_store_lookup (store, SE_TYPE_AGREEMENT, se_record_get_id (agreement));
  if (stored == NULL)
    {
      g_set_error_literal (error, SE_REPORT_ERROR, SE_REPORT_ERROR_NOT_FOUND,
                           _("The agreement is not in the database. Save it before printing."));
      return NULL;
    }

  self = g_object_new (SE_TYPE_REPORT, NULL);
  reference = se_record_get_string (stored, "reference");
  kind = se_enum_get_label (SE_TYPE_AGREEMENT_KIND, se_record_get_int (stored, "kind"));
  self->title = g_strdup (se_record_get_string (stored, "title"));
  self->file_stem = _se_report_stem_for (C_("summary", "Agreement summary"),
                                         reference != NULL ? reference : self->title);
  if (reference != NULL)
    /* Translators: the running head on pages 2 and later: a title and a reference number */
    self->running_header = g_strdup_printf (C_("summary", "%s · %s"), self->title, reference);
  else
    self->running_header = g_strdup (self->title);

  item = _se_report_add_item (self, 0, 0);
  _se_report_add_cell (item, 0, 1, STYLE_CAPTION, PANGO_ALIGN_LEFT,
                       _se_report_grey (C_("summary", "Agreement summary")));
  _se_report_add_space (self, 4);
  _se_report_add_text (self, STYLE_TITLE, PANGO_ALIGN_LEFT, self->title);
  if (reference != NULL)
    /* Translators: below the title of a printed agreement: its kind and reference number */
    subtitle = g_strdup_printf (C_("summary", "%s · Reference number %s"), kind, reference);
  else
    subtitle = g_strdup (kind);
  item = _se_report_add_item (self, 0, 2);
  _se_report_add_cell (item, 0, 1, STYLE_BODY, PANGO_ALIGN_LEFT, _se_report_grey (subtitle));
  _se_report_add_space (self, 6);
  _se_report_add_rule (self);
  _se_report_add_space (self, 10);

  item = _se_report_add_item (self, 0, 0);
  _se_report_add_cell (item, 0, 0.48, STYLE_BODY, PANGO_ALIGN_LEFT,
                       _se_report_organisation_block (store, se_record_get_reference (stored, "party-a-id"),
                                                      C_("summary", "First party")));
  _se_report_add_cell (item, 0.52, 0.48, STYLE_BODY, PANGO_ALIGN_LEFT,
                       _se_report_organisation_block (store, se_record_get_reference (stored, "party-b-id"),
                                                      C_("summary", "Second party")));

  _se_report_add_heading (self, C_("summary", "The agreement"));
  _se_report_add_fact (self, C_("summary", "Kind"), kind);
  _se_report_add_fact (self, C_("summary", "Reference number"),
                       reference != NULL ? reference : C_("summary", "none"));
  _se_report_add_fact (self, C_("summary", "Title"), self->title);
  _se_report_add_fact (self, C_("summary", "Status"),
                       se_enum_get_label (SE_TYPE_AGREEMENT_STATUS, se_record_get_int (stored, "status")));
  from = se_date_format (se_record_get_string (stored, "valid-from"));
  until = se_date_format (se_record_get_string (stored, "valid-until"));
  _se_report_add_fact (self, C_("summary", "Valid from"), *from != '\0' ? from : C_("summary", "not set"));
  _se_report_add_fact (self, C_("summary", "Valid until"), *until != '\0' ? until : C_("summary", "open-ended"));
  partnership = se_store_lookup (store, SE_TYPE_PARTNERSHIP,
                                 se_record_get_reference (stored, "partnership-id"));
  if (partnership != NULL)
    {
      g_autofree char *p = se_describe_title (store, partnership);
      _se_report_add_fact (self, C_("summary", "Partnership"), p);
    }
  amends = se_store_lookup (store, SE_TYPE_AGREEMENT, se_record_get_reference (stored, "amends-id"));
  if (amends != NULL)
    _se_report_add_fact (self, C_("summary", "Amends"), se_record_get_string (amends, "title"));
  _se_report_add_fact (self, C_("summary", "Confidentiality"),
                       se_record_get_int (stored, "confidential") ? C_("summary", "Required")
                                                                   : C_("summary", "Not required"));
  document = se_record_get_string (stored, "document-name");
  if (document != NULL)
    {
      /* Translators: %s is the file name of the scanned, signed agreement */
      g_autofree char *on_file = g_strdup_printf (C_("summary", "On file (%s)"), document);
      _se_report_add_fact (self, C_("summary", "Signed document"), on_file);
    }
  else
    _se_report_add_fact (self, C_("summary", "Signed document"), C_("summary", "Not on file"));

  add_signatories (self, store, stored);
  add_approvals (self, store, stored);
  add_quota (self, store, stored);
  add_placements (self, store, stored);

  _se_report_add_heading (self, C_("summary", "Terms"));
  terms = se_record_get_string (stored, "terms");
  if (terms != NULL && *terms != '\0')
    _se_report_add_paragraphs (self, terms);
  else
    _se_report_add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT, C_("summary", "No terms recorded."));

  return g_steal_pointer (&self);
}
