/* se-report.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-reports"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
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
#include "se-private-file.h"
#include "se-programme-item.h"
#include "se-quota.h"
#include "se-report.h"
#include "se-signatory.h"
#include "se-topic.h"
#include "se-unit.h"

/* A printed document as a list of items (a title, a paragraph, a table
 * row), each a row of cells laid out with Pango. Everything is read from
 * the store when the report is made; se_report_paginate() lays the items
 * out on pages of any size with the cairo context it is given (a PDF
 * surface here, a GtkPrintContext's when printing), and
 * se_report_draw_page() draws one page. Cell widths are fractions of the
 * text width, so the same report fits A4 and Letter.
 *
 * Page breaks: a paragraph breaks between its lines; a table row moves to
 * the next page whole, and the table's header row is repeated there; a
 * heading stays with what follows it. A row taller than a page breaks
 * between lines too, so that no text is ever cut off. */

#define FONT_FAMILY "DejaVu Sans"
#define MARGIN 56.69           /* 2 cm */
#define CELL_PAD_X 3.0
#define GREY "#555555"
#define RULE_GREY 0.55
#define SHADE_GREY 0.92

typedef enum
{
  STYLE_BODY,
  STYLE_TABLE,
  STYLE_TABLE_HEADER,
  STYLE_LABEL,
  STYLE_HEADING,
  STYLE_TITLE,
  STYLE_CAPTION,
  STYLE_DISPLAY,
  STYLE_NAME,
  STYLE_FOOTER,
  N_STYLES
} Style;

static const struct
{
  double size;
  PangoWeight weight;
} styles[N_STYLES] = {
  [STYLE_BODY] = { 9.5, PANGO_WEIGHT_NORMAL },
  [STYLE_TABLE] = { 8.5, PANGO_WEIGHT_NORMAL },
  [STYLE_TABLE_HEADER] = { 8.0, PANGO_WEIGHT_BOLD },
  [STYLE_LABEL] = { 8.5, PANGO_WEIGHT_NORMAL },
  [STYLE_HEADING] = { 11.5, PANGO_WEIGHT_BOLD },
  [STYLE_TITLE] = { 16.0, PANGO_WEIGHT_BOLD },
  [STYLE_CAPTION] = { 8.5, PANGO_WEIGHT_NORMAL },
  [STYLE_DISPLAY] = { 22.0, PANGO_WEIGHT_BOLD },
  [STYLE_NAME] = { 16.0, PANGO_WEIGHT_BOLD },
  [STYLE_FOOTER] = { 7.5, PANGO_WEIGHT_NORMAL },
};

typedef struct
{
  char           *markup;
  double          x;        /* fractions of the text width */
  double          width;
  Style           style;
  PangoAlignment  align;
  gboolean        overline; /* a signature line above the text */
  PangoLayout    *layout;
} Cell;

typedef enum
{
  ITEM_RULE_BELOW = 1 << 0,
  ITEM_HEADER = 1 << 1,          /* a table's header row, repeated on each page */
  ITEM_KEEP_WITH_NEXT = 1 << 2,
  ITEM_SPLIT = 1 << 3,           /* may break between lines */
  ITEM_SPACE = 1 << 4,           /* vertical space, dropped at the top of a page */
  ITEM_STRONG_RULE = 1 << 5,
} ItemFlags;

typedef struct
{
  GPtrArray *cells;
  guint      flags;
  double     pad;      /* above and below the text; the height of a space */
  int        header;   /* the header item of this row's table, or -1 */

  /* set by se_report_paginate () */
  double     height;
  double     min_piece;  /* the least of it worth starting at a page's foot */
  GArray    *lines;      /* (top, bottom) pairs of every line, for breaking */
} Item;

typedef struct
{
  guint  item;
  double y;
  double from;
  double to;
} Placed;

struct _SeReport
{
  GObject parent_instance;

  char         *title;
  char         *file_stem;
  char         *running_header;
  char         *print_date;     /* ISO */
  GPtrArray    *items;

  PangoContext *context;
  double        page_width;
  double        page_height;
  GPtrArray    *pages;          /* GArray of Placed per page */
};

G_DEFINE_FINAL_TYPE (SeReport, se_report, G_TYPE_OBJECT)

G_DEFINE_QUARK (se-report-error-quark, se_report_error)

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->markup);
  g_clear_object (&cell->layout);
  g_free (cell);
}

static void
item_free (gpointer data)
{
  Item *item = data;

  g_ptr_array_unref (item->cells);
  g_clear_pointer (&item->lines, g_array_unref);
  g_free (item);
}

static void
se_report_finalize (GObject *object)
{
  SeReport *self = SE_REPORT (object);

  g_free (self->title);
  g_free (self->file_stem);
  g_free (self->running_header);
  g_free (self->print_date);
  g_ptr_array_unref (self->items);
  g_clear_object (&self->context);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (se_report_parent_class)->finalize (object);
}

static void
se_report_class_init (SeReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = se_report_finalize;
}

static void
se_report_init (SeReport *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->items = g_ptr_array_new_with_free_func (item_free);
  self->print_date = g_date_time_format (now, "%Y-%m-%d");
}

/* Building the document */

static Item *
add_item (SeReport *self,
          guint     flags,
          double    pad)
{
  Item *item = g_new0 (Item, 1);

  item->cells = g_ptr_array_new_with_free_func (cell_free);
  item->flags = flags;
  item->pad = pad;
  item->header = -1;
  g_ptr_array_add (self->items, item);
  return item;
}

/* Takes @markup. */
static Cell *
add_cell (Item           *item,
          double          x,
          double          width,
          Style           style,
          PangoAlignment  align,
          char           *markup)
{
  Cell *cell = g_new0 (Cell, 1);

  cell->x = x;
  cell->width = width;
  cell->style = style;
  cell->align = align;
  cell->markup = markup;
  g_ptr_array_add (item->cells, cell);
  return cell;
}

static void
add_space (SeReport *self,
           double    height)
{
  add_item (self, ITEM_SPACE, height);
}

static Item *
add_text (SeReport       *self,
          Style           style,
          PangoAlignment  align,
          const char     *text)
{
  Item *item = add_item (self, ITEM_SPLIT, 1.5);

  add_cell (item, 0, 1, style, align, g_markup_escape_text (text, -1));
  return item;
}

static void
add_paragraphs (SeReport   *self,
                const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT, paragraphs[i]);
      add_space (self, 4);
    }
}

static void
add_rule (SeReport *self)
{
  add_item (self, ITEM_RULE_BELOW | ITEM_STRONG_RULE, 2);
}

static void
add_heading (SeReport   *self,
             const char *text)
{
  Item *item;

  add_space (self, 14);
  item = add_item (self, ITEM_KEEP_WITH_NEXT | ITEM_RULE_BELOW, 3);
  add_cell (item, 0, 1, STYLE_HEADING, PANGO_ALIGN_LEFT, g_markup_escape_text (text, -1));
  add_space (self, 4);
}

/* A label and its value, one row of a facts table. */
static void
add_fact (SeReport   *self,
          const char *label,
          const char *value)
{
  Item *item = add_item (self, ITEM_RULE_BELOW, 3);

  add_cell (item, 0, 0.3, STYLE_LABEL, PANGO_ALIGN_LEFT,
            g_markup_printf_escaped ("<span foreground=\"" GREY "\">%s</span>", label));
  add_cell (item, 0.3, 0.7, STYLE_BODY, PANGO_ALIGN_LEFT,
            g_markup_escape_text (value != NULL ? value : "", -1));
}

typedef struct
{
  const char     *title;
  double          width;
  PangoAlignment  align;
} Column;

/* Returns the index of the header item, for add_row (). */
static int
add_table_header (SeReport     *self,
                  const Column *columns,
                  guint         n_columns)
{
  Item *item = add_item (self, ITEM_HEADER | ITEM_KEEP_WITH_NEXT | ITEM_RULE_BELOW | ITEM_STRONG_RULE, 3);
  double x = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      add_cell (item, x, columns[i].width, STYLE_TABLE_HEADER, columns[i].align,
                g_markup_escape_text (columns[i].title, -1));
      x += columns[i].width;
    }
  item->header = (int) self->items->len - 1;
  return item->header;
}

/* Takes the markup strings in @cells. */
static void
add_row (SeReport     *self,
         int           header,
         const Column *columns,
         guint         n_columns,
         char        **cells)
{
  Item *item = add_item (self, ITEM_RULE_BELOW, 3);
  double x = 0;

  item->header = header;
  for (guint i = 0; i < n_columns; i++)
    {
      add_cell (item, x, columns[i].width, STYLE_TABLE, columns[i].align, cells[i]);
      x += columns[i].width;
    }
}

static char *
grey (const char *text)
{
  return g_markup_printf_escaped ("<span foreground=\"" GREY "\">%s</span>", text);
}

static void
append_line (GString    *markup,
             const char *escaped)
{
  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  g_string_append (markup, escaped);
}

static void
append_text_line (GString    *markup,
                  const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = g_markup_escape_text (text, -1);
  append_line (markup, escaped);
}

static char *
person_name (SeStore  *store,
             SeRecord *record)
{
  g_autoptr(SeRecord) person = se_store_lookup (store, SE_TYPE_PERSON,
                                                se_record_get_reference (record, "person-id"));

  if (person != NULL)
    return se_describe_title (store, person);
  return g_strdup (se_record_get_string (record, "name") != NULL
                   ? se_record_get_string (record, "name") : "");
}

static char *
organisation_name (SeStore *store,
                   gint64   id,
                   gboolean short_name)
{
  g_autoptr(SeRecord) org = se_store_lookup (store, SE_TYPE_ORGANISATION, id);
  const char *s;

  if (org == NULL)
    return g_strdup ("");
  s = se_record_get_string (org, "short-name");
  if (short_name && s != NULL)
    return g_strdup (s);
  return g_strdup (se_record_get_string (org, "name"));
}

/* The name of an organisation in bold with its address below. */
static char *
organisation_block (SeStore    *store,
                    gint64      id,
                    const char *label)
{
  g_autoptr(SeRecord) org = se_store_lookup (store, SE_TYPE_ORGANISATION, id);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *place = NULL;
  const char *region, *country;

  if (label != NULL)
    {
      escaped = g_markup_printf_escaped ("<span size=\"small\" foreground=\"" GREY "\">%s</span>",
                                         label);
      append_line (markup, escaped);
      g_clear_pointer (&escaped, g_free);
    }
  if (org == NULL)
    return g_string_free (g_steal_pointer (&markup), FALSE);

  escaped = g_markup_printf_escaped ("<b>%s</b>", se_record_get_string (org, "name"));
  append_line (markup, escaped);

  if (se_record_get_reference (org, "parent-id") != 0)
    {
      g_autofree char *parent = organisation_name (store, se_record_get_reference (org, "parent-id"),
                                                   FALSE);
      append_text_line (markup, parent);
    }

  append_text_line (markup, se_record_get_string (org, "address"));

  region = se_record_get_string (org, "region");
  country = se_record_get_string (org, "country");
  if (region != NULL && country != NULL)
    /* Translators: where an organisation is: a region and a country code, "Bayern (DE)" */
    place = g_strdup_printf (C_("report", "%s (%s)"), region, country);
  else
    place = g_strdup (region != NULL ? region : country);
  append_text_line (markup, place);

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

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
  g_autofree char *name = person_name (store, signatory);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *bold = g_markup_printf_escaped ("<b>%s</b>", name);
  const char *signed_on = se_record_get_string (signatory, "signed-on");
  g_autofree char *when = NULL;

  append_line (markup, bold);
  append_text_line (markup, se_record_get_string (signatory, "function"));
  if (signed_on != NULL)
    {
      g_autofree char *date = se_date_format (signed_on);
      /* Translators: when a signatory signed the agreement, %s is a date */
      when = g_strdup_printf (C_("summary", "Signed on %s"), date);
    }
  else
    when = g_strdup (C_("summary", "Not signed yet"));
  append_text_line (markup, when);
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
  g_autofree char *a = organisation_name (store, se_record_get_reference (agreement, "party-a-id"), FALSE);
  g_autofree char *b = organisation_name (store, se_record_get_reference (agreement, "party-b-id"), FALSE);
  Item *item;
  guint n;

  add_heading (self, C_("summary", "Signatories"));

  for (guint i = 0; i < all->len; i++)
    {
      SeRecord *s = g_ptr_array_index (all, i);
      g_ptr_array_add (side[se_record_get_int (s, "party") == SE_PARTY_SECOND ? 1 : 0], s);
    }

  item = add_item (self, ITEM_KEEP_WITH_NEXT, 2);
  add_cell (item, 0, 0.48, STYLE_LABEL, PANGO_ALIGN_LEFT, grey (a));
  add_cell (item, 0.52, 0.48, STYLE_LABEL, PANGO_ALIGN_LEFT, grey (b));

  n = MAX (MAX (side[0]->len, side[1]->len), 1);
  for (guint i = 0; i < n; i++)
    {
      item = add_item (self, 0, 4);
      for (guint s = 0; s < 2; s++)
        {
          char *markup;

          if (i < side[s]->len)
            markup = signatory_markup (store, g_ptr_array_index (side[s], i));
          else if (i == 0)
            markup = grey (C_("summary", "No signatory recorded"));
          else
            markup = g_strdup ("");
          add_cell (item, s == 0 ? 0 : 0.52, 0.48, STYLE_BODY, PANGO_ALIGN_LEFT, markup);
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

  add_heading (self, C_("summary", "Approvals"));
  if (approvals->len == 0)
    {
      add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT, C_("summary", "No approvals recorded."));
      return;
    }

  header = add_table_header (self, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < approvals->len; i++)
    {
      SeRecord *approval = g_ptr_array_index (approvals, i);
      g_autofree char *name = person_name (store, approval);
      g_autofree char *date = se_date_format (se_record_get_string (approval, "approved-on"));
      const char *function = se_record_get_string (approval, "function");
      const char *note = se_record_get_string (approval, "note");
      char *cells[] = {
        g_markup_escape_text (name, -1),
        g_markup_escape_text (function != NULL ? function : "", -1),
        g_markup_escape_text (date, -1),
        g_markup_escape_text (note != NULL ? note : "", -1),
      };

      add_row (self, header, columns, G_N_ELEMENTS (columns), cells);
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
  g_autofree char *a = organisation_name (store, se_record_get_reference (agreement, "party-a-id"), TRUE);
  g_autofree char *b = organisation_name (store, se_record_get_reference (agreement, "party-b-id"), TRUE);
  const Column columns[] = {
    { C_("summary", "Year"), 0.12, PANGO_ALIGN_LEFT },
    { C_("summary", "Direction"), 0.44, PANGO_ALIGN_LEFT },
    { C_("summary", "Persons"), 0.22, PANGO_ALIGN_LEFT },
    { C_("summary", "Person-days"), 0.22, PANGO_ALIGN_LEFT },
  };
  g_autofree char *text = NULL;
  Item *item;
  int header;

  add_heading (self, C_("summary", "Quota and use"));

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
  item = add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT, text);

  if (use->len == 0)
    {
      add_space (self, 3);
      add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT,
                C_("summary", "No placement under this agreement has used the quota yet."));
      return;
    }

  item->flags |= ITEM_KEEP_WITH_NEXT;
  add_space (self, 6);
  header = add_table_header (self, columns, G_N_ELEMENTS (columns));
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

      add_row (self, header, columns, G_N_ELEMENTS (columns), cells);
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
      append_line (p, line);

      if (any_guest && role != SE_PARTICIPANT_ROLE_GUEST)
        continue;
      host = organisation_name (store, se_record_get_reference (participant, "host-organisation-id"),
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
          append_text_line (h, host);
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

  add_heading (self, C_("summary", "Placements covered"));
  if (placements->len == 0)
    {
      add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT,
                C_("summary", "No placement is recorded under this agreement."));
      return;
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u placement is recorded under this agreement.",
                                        "%u placements are recorded under this agreement.",
                                        placements->len),
                           placements->len);
  add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT, count)->flags |= ITEM_KEEP_WITH_NEXT;
  add_space (self, 6);

  g_ptr_array_sort (placements, compare_placements);
  header = add_table_header (self, columns, G_N_ELEMENTS (columns));
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
      add_row (self, header, columns, G_N_ELEMENTS (columns), cells);
    }
}

static char *
stem_for (const char *prefix,
          const char *name)
{
  g_autoptr(GString) s = g_string_new (prefix);

  g_string_append_c (s, ' ');
  g_string_append (s, name);
  /* Characters that file systems or file managers dislike */
  for (char *c = s->str; *c; c++)
    if (strchr ("/\\:*?\"<>|", *c) != NULL || (guchar) *c < 0x20)
      *c = '-';
  return g_string_free (g_steal_pointer (&s), FALSE);
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
  self->file_stem = stem_for (C_("summary", "Agreement summary"),
                              reference != NULL ? reference : self->title);
  if (reference != NULL)
    /* Translators: the running head on pages 2 and later: a title and a reference number */
    self->running_header = g_strdup_printf (C_("summary", "%s · %s"), self->title, reference);
  else
    self->running_header = g_strdup (self->title);

  item = add_item (self, 0, 0);
  add_cell (item, 0, 1, STYLE_CAPTION, PANGO_ALIGN_LEFT,
            grey (C_("summary", "Agreement summary")));
  add_space (self, 4);
  add_text (self, STYLE_TITLE, PANGO_ALIGN_LEFT, self->title);
  if (reference != NULL)
    /* Translators: below the title of a printed agreement: its kind and reference number */
    subtitle = g_strdup_printf (C_("summary", "%s · Reference number %s"), kind, reference);
  else
    subtitle = g_strdup (kind);
  item = add_item (self, 0, 2);
  add_cell (item, 0, 1, STYLE_BODY, PANGO_ALIGN_LEFT, grey (subtitle));
  add_space (self, 6);
  add_rule (self);
  add_space (self, 10);

  item = add_item (self, 0, 0);
  add_cell (item, 0, 0.48, STYLE_BODY, PANGO_ALIGN_LEFT,
            organisation_block (store, se_record_get_reference (stored, "party-a-id"),
                                C_("summary", "First party")));
  add_cell (item, 0.52, 0.48, STYLE_BODY, PANGO_ALIGN_LEFT,
            organisation_block (store, se_record_get_reference (stored, "party-b-id"),
                                C_("summary", "Second party")));

  add_heading (self, C_("summary", "The agreement"));
  add_fact (self, C_("summary", "Kind"), kind);
  add_fact (self, C_("summary", "Reference number"),
            reference != NULL ? reference : C_("summary", "none"));
  add_fact (self, C_("summary", "Title"), self->title);
  add_fact (self, C_("summary", "Status"),
            se_enum_get_label (SE_TYPE_AGREEMENT_STATUS, se_record_get_int (stored, "status")));
  from = se_date_format (se_record_get_string (stored, "valid-from"));
  until = se_date_format (se_record_get_string (stored, "valid-until"));
  add_fact (self, C_("summary", "Valid from"), *from != '\0' ? from : C_("summary", "not set"));
  add_fact (self, C_("summary", "Valid until"), *until != '\0' ? until : C_("summary", "open-ended"));
  partnership = se_store_lookup (store, SE_TYPE_PARTNERSHIP,
                                 se_record_get_reference (stored, "partnership-id"));
  if (partnership != NULL)
    {
      g_autofree char *p = se_describe_title (store, partnership);
      add_fact (self, C_("summary", "Partnership"), p);
    }
  amends = se_store_lookup (store, SE_TYPE_AGREEMENT, se_record_get_reference (stored, "amends-id"));
  if (amends != NULL)
    add_fact (self, C_("summary", "Amends"), se_record_get_string (amends, "title"));
  add_fact (self, C_("summary", "Confidentiality"),
            se_record_get_int (stored, "confidential") ? C_("summary", "Required")
                                                        : C_("summary", "Not required"));
  document = se_record_get_string (stored, "document-name");
  if (document != NULL)
    {
      /* Translators: %s is the file name of the scanned, signed agreement */
      g_autofree char *on_file = g_strdup_printf (C_("summary", "On file (%s)"), document);
      add_fact (self, C_("summary", "Signed document"), on_file);
    }
  else
    add_fact (self, C_("summary", "Signed document"), C_("summary", "Not on file"));

  add_signatories (self, store, stored);
  add_approvals (self, store, stored);
  add_quota (self, store, stored);
  add_placements (self, store, stored);

  add_heading (self, C_("summary", "Terms"));
  terms = se_record_get_string (stored, "terms");
  if (terms != NULL && *terms != '\0')
    add_paragraphs (self, terms);
  else
    add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT, C_("summary", "No terms recorded."));

  return g_steal_pointer (&self);
}

static SeRecord *
find_participation (SeStore  *store,
                    SeRecord *placement,
                    SeRecord *person)
{
  g_autoptr(GPtrArray) participants = se_store_find (store, SE_TYPE_PARTICIPANT, "placement-id",
                                                     se_record_get_id (placement));

  for (guint i = 0; i < participants->len; i++)
    {
      SeRecord *p = g_ptr_array_index (participants, i);
      if (se_record_get_reference (p, "person-id") == se_record_get_id (person))
        return g_object_ref (p);
    }
  return NULL;
}

static int
compare_programme (gconstpointer a,
                   gconstpointer b)
{
  SeRecord *x = *(SeRecord **) a;
  SeRecord *y = *(SeRecord **) b;
  int c = g_strcmp0 (se_record_get_string (x, "date"), se_record_get_string (y, "date"));

  return c != 0 ? c : g_strcmp0 (se_record_get_string (x, "start-time"),
                                 se_record_get_string (y, "start-time"));
}

static void
add_programme (SeReport *self,
               SeStore  *store,
               SeRecord *placement)
{
  g_autoptr(GPtrArray) items = se_store_find (store, SE_TYPE_PROGRAMME_ITEM, "placement-id",
                                              se_record_get_id (placement));
  const Column columns[] = {
    { C_("certificate", "Date"), 0.16, PANGO_ALIGN_LEFT },
    { C_("certificate", "Time"), 0.16, PANGO_ALIGN_LEFT },
    { C_("certificate", "Programme item"), 0.68, PANGO_ALIGN_LEFT },
  };
  int header;

  if (items->len == 0)
    return;

  g_ptr_array_sort (items, compare_programme);
  add_heading (self, C_("certificate", "Programme"));
  header = add_table_header (self, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < items->len; i++)
    {
      SeRecord *item = g_ptr_array_index (items, i);
      g_autofree char *date = se_date_format (se_record_get_string (item, "date"));
      const char *start = se_record_get_string (item, "start-time");
      const char *end = se_record_get_string (item, "end-time");
      g_autofree char *time = NULL;
      char *cells[3];

      if (start != NULL && end != NULL)
        /* Translators: a time span in a programme, "13:00–16:30" */
        time = g_strdup_printf (C_("certificate", "%s–%s"), start, end);
      else
        time = g_strdup (start != NULL ? start : "");
      cells[0] = g_markup_escape_text (date, -1);
      cells[1] = g_markup_escape_text (time, -1);
      cells[2] = g_markup_escape_text (se_record_get_string (item, "title"), -1);
      add_row (self, header, columns, G_N_ELEMENTS (columns), cells);
    }
}

/**
 * se_report_new_certificate:
 * @store: the store
 * @placement: a placement in @store
 * @person: a participant of @placement
 * @error: return location for an error
 *
 * A certificate that @person took part in @placement, to take home: who,
 * in what, when and where, the topics and the programme, and a line for
 * the host's signature.
 *
 * Returns: (transfer full): the report, or %NULL with
 *   %SE_REPORT_ERROR_NOT_A_PARTICIPANT if @person did not take part
 */
SeReport *
se_report_new_certificate (SeStore   *store,
                           SeRecord  *placement,
                           SeRecord  *person,
                           GError   **error)
{
  g_autoptr(SeReport) self = NULL;
  g_autoptr(SeRecord) stored = NULL;
  g_autoptr(SeRecord) participant = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GString) topic_list = NULL;
  g_autofree char *name = NULL;
  g_autofree char *home = NULL;
  g_autofree char *host = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *who = NULL;
  g_autofree char *period = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *sign_for = NULL;
  const char *function, *kind, *goals;
  int role, days;
  Item *item;
  Cell *cell;

  g_return_val_if_fail (SE_IS_STORE (store), NULL);
  g_return_val_if_fail (SE_IS_PLACEMENT (placement), NULL);
  g_return_val_if_fail (SE_IS_PERSON (person), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stored = se_store_lookup (store, SE_TYPE_PLACEMENT, se_record_get_id (placement));
  if (stored == NULL)
    {
      g_set_error_literal (error, SE_REPORT_ERROR, SE_REPORT_ERROR_NOT_FOUND,
                           _("The placement is not in the database. Save it before printing."));
      return NULL;
    }
  participant = find_participation (store, stored, person);
  name = se_describe_title (store, person);
  if (participant == NULL)
    {
      g_set_error (error, SE_REPORT_ERROR, SE_REPORT_ERROR_NOT_A_PARTICIPANT,
                   /* Translators: %1$s is a person's name, %2$s a placement's title */
                   _("%1$s is not a participant of “%2$s”. Pick one of its participants."),
                   name, se_record_get_string (stored, "title"));
      return NULL;
    }

  self = g_object_new (SE_TYPE_REPORT, NULL);
  self->title = g_strdup_printf (C_("certificate", "Certificate of participation: %s"), name);
  self->file_stem = stem_for (C_("certificate", "Certificate"), name);
  self->running_header = g_strdup (self->title);

  role = se_record_get_int (participant, "role");
  kind = se_enum_get_label (SE_TYPE_PLACEMENT_KIND, se_record_get_int (stored, "kind"));
  function = se_record_get_string (person, "function");
  home = organisation_name (store, se_record_get_reference (participant, "home-organisation-id"), FALSE);
  host = organisation_name (store, se_record_get_reference (participant, "host-organisation-id"), FALSE);
  unit = se_describe_reference (store, participant, "host-unit-id");

  /* The host organisation heads the page, as on its letter paper. */
  item = add_item (self, 0, 0);
  add_cell (item, 0.5, 0.5, STYLE_BODY, PANGO_ALIGN_RIGHT,
            organisation_block (store, se_record_get_reference (participant, "host-organisation-id"),
                                NULL));
  add_space (self, 36);

  add_text (self, STYLE_DISPLAY, PANGO_ALIGN_CENTER, C_("certificate", "Certificate of Participation"));
  add_space (self, 22);
  add_text (self, STYLE_BODY, PANGO_ALIGN_CENTER, C_("certificate", "This is to certify that"));
  add_space (self, 8);
  add_text (self, STYLE_NAME, PANGO_ALIGN_CENTER, name);
  add_space (self, 4);
  if (function != NULL && *home != '\0')
    /* Translators: a person's function and home organisation, "Führungskraft, Jobcenter Bautzen" */
    who = g_strdup_printf (C_("report", "%s, %s"), function, home);
  else
    who = g_strdup (function != NULL ? function : home);
  if (*who != '\0')
    add_text (self, STYLE_BODY, PANGO_ALIGN_CENTER, who);
  add_space (self, 8);
  add_text (self, STYLE_BODY, PANGO_ALIGN_CENTER,
            C_("certificate", "has taken part in the following exchange:"));
  add_space (self, 8);
  add_text (self, STYLE_TITLE, PANGO_ALIGN_CENTER, se_record_get_string (stored, "title"));
  add_space (self, 20);

  period = se_describe_period (se_record_get_string (stored, "start-date"),
                               se_record_get_string (stored, "end-date"));
  days = se_date_days_between (se_record_get_string (stored, "start-date"),
                               se_record_get_string (stored, "end-date"));
  duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d calendar day", "%d calendar days",
                                           days),
                              days);

  add_fact (self, C_("certificate", "Kind"), kind);
  add_fact (self, C_("certificate", "Role"), se_enum_get_label (SE_TYPE_PARTICIPANT_ROLE, role));
  add_fact (self, C_("certificate", "Dates"), period);
  add_fact (self, C_("certificate", "Duration"), duration);
  add_fact (self, C_("certificate", "Format"),
            se_enum_get_label (SE_TYPE_PLACEMENT_FORMAT, se_record_get_int (stored, "format")));
  if (se_record_get_string (stored, "location") != NULL)
    add_fact (self, C_("certificate", "Place"), se_record_get_string (stored, "location"));
  add_fact (self, C_("certificate", "Host organisation"), host);
  if (*unit != '\0')
    add_fact (self, C_("certificate", "Host unit"), unit);
  add_fact (self, C_("certificate", "Home organisation"), home);

  topics = se_store_find (store, SE_TYPE_PLACEMENT_TOPIC, "placement-id", se_record_get_id (stored));
  topic_list = g_string_new (NULL);
  for (guint i = 0; i < topics->len; i++)
    {
      g_autofree char *topic = se_describe_reference (store, g_ptr_array_index (topics, i), "topic-id");
      if (topic_list->len > 0)
        /* Translators: separates the topics in a list */
        g_string_append (topic_list, C_("report", ", "));
      g_string_append (topic_list, topic);
    }
  if (topic_list->len > 0)
    add_fact (self, C_("certificate", "Topics"), topic_list->str);

  goals = se_record_get_string (stored, "goals");
  if (goals != NULL && *goals != '\0')
    {
      add_heading (self, C_("certificate", "Goals and tasks"));
      add_paragraphs (self, goals);
    }

  add_programme (self, store, stored);

  /* Room to sign, kept on one page with the lines below it and with what
   * precedes it, so that the signature never stands alone on a page. */
  for (guint i = self->items->len; i > 0; i--)
    {
      Item *last = g_ptr_array_index (self->items, i - 1);
      if (!(last->flags & ITEM_SPACE))
        {
          last->flags |= ITEM_KEEP_WITH_NEXT;
          break;
        }
    }
  add_space (self, 24);
  item = add_item (self, ITEM_KEEP_WITH_NEXT, 0);
  add_cell (item, 0, 1, STYLE_BODY, PANGO_ALIGN_LEFT, g_strdup (" \n \n "));
  item = add_item (self, 0, 2);
  cell = add_cell (item, 0, 0.42, STYLE_LABEL, PANGO_ALIGN_LEFT,
                   grey (C_("certificate", "Place, date")));
  cell->overline = TRUE;
  /* Translators: below the signature line, %s is the host organisation */
  sign_for = g_strdup_printf (C_("certificate", "Signature, for %s"), host);
  cell = add_cell (item, 0.52, 0.48, STYLE_LABEL, PANGO_ALIGN_LEFT, grey (sign_for));
  cell->overline = TRUE;

  return g_steal_pointer (&self);
}

/**
 * se_report_get_title:
 *
 * Returns: a title for the print job and the PDF's metadata
 */
const char *
se_report_get_title (SeReport *self)
{
  g_return_val_if_fail (SE_IS_REPORT (self), NULL);

  return self->title;
}

/**
 * se_report_dup_file_name:
 *
 * Returns: (transfer full): a file name to offer when saving as PDF,
 *   "Agreement summary JC-CHA-BZ-2019-01.pdf"
 */
char *
se_report_dup_file_name (SeReport *self)
{
  g_return_val_if_fail (SE_IS_REPORT (self), NULL);

  return g_strconcat (self->file_stem, ".pdf", NULL);
}

/**
 * se_report_set_print_date:
 * @iso_date: the date in the footer, "YYYY-MM-DD"; today by default
 */
void
se_report_set_print_date (SeReport   *self,
                          const char *iso_date)
{
  g_return_if_fail (SE_IS_REPORT (self));
  g_return_if_fail (se_date_is_valid (iso_date));

  g_free (self->print_date);
  self->print_date = g_strdup (iso_date);
}

/* Laying out */

static PangoLayout *
make_layout (SeReport       *self,
             Style           style,
             double          width,
             PangoAlignment  align,
             const char     *markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (styles[style].size * PANGO_SCALE));
  pango_font_description_set_weight (font, styles[style].weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
text_width (SeReport *self)
{
  return self->page_width - 2 * MARGIN;
}

static void
measure_item (SeReport *self,
              Item     *item)
{
  double width = text_width (self);
  double text_height = 0;

  item->lines = g_array_new (FALSE, FALSE, sizeof (double));
  item->min_piece = 0;

  if (item->flags & ITEM_SPACE)
    {
      item->height = item->pad;
      return;
    }

  for (guint i = 0; i < item->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (item->cells, i);
      PangoLayoutIter *iter;
      int height;
      guint n_lines = 0;

      g_clear_object (&cell->layout);
      cell->layout = make_layout (self, cell->style, cell->width * width - 2 * CELL_PAD_X,
                                  cell->align, cell->markup);
      pango_layout_get_size (cell->layout, NULL, &height);
      text_height = MAX (text_height, (double) height / PANGO_SCALE);

      iter = pango_layout_get_iter (cell->layout);
      do
        {
          int y0, y1;
          double line[2];

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          line[0] = item->pad + (double) y0 / PANGO_SCALE;
          line[1] = item->pad + (double) y1 / PANGO_SCALE;
          g_array_append_vals (item->lines, line, 2);
          if (++n_lines <= 2)
            item->min_piece = MAX (item->min_piece, line[1]);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  item->height = text_height + 2 * item->pad;
  item->min_piece = MIN (item->height, item->min_piece + item->pad);
  if (!(item->flags & ITEM_SPLIT))
    item->min_piece = item->height;
}

/* The lowest place at or above @limit that cuts through no line. */
static double
find_break (Item   *item,
            double  from,
            double  limit)
{
  double brk = limit;
  gboolean moved = TRUE;

  while (moved)
    {
      moved = FALSE;
      for (guint i = 0; i + 1 < item->lines->len; i += 2)
        {
          double top = g_array_index (item->lines, double, i);
          double bottom = g_array_index (item->lines, double, i + 1);

          if (top < brk - 0.01 && bottom > brk + 0.01)
            {
              brk = top;
              moved = TRUE;
            }
        }
    }
  return brk > from + 0.01 ? brk : from;
}

typedef struct
{
  SeReport *self;
  GArray   *page;
  double    top;
  double    bottom;
  double    y;
  double    content_top;  /* below a repeated header */
} Flow;

static void
place (Flow   *flow,
       guint   index,
       double  from,
       double  to)
{
  Placed p = { index, flow->y, from, to };

  g_array_append_val (flow->page, p);
  flow->y += to - from;
}

static void
new_page (Flow *flow,
          int   header)
{
  flow->page = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = flow->top;
  if (header >= 0)
    {
      Item *h = g_ptr_array_index (flow->self->items, header);
      place (flow, (guint) header, 0, h->height);
    }
  flow->content_top = flow->y;
}

/* The height that must fit for item @i to start here: itself, or its
 * first lines, and what it must be kept with. */
static double
needed (SeReport *self,
        guint     i)
{
  double need = 0;

  for (; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->flags & ITEM_SPACE)
        {
          need += item->height;
          continue;
        }
      if (!(item->flags & ITEM_KEEP_WITH_NEXT))
        return need + item->min_piece;
      need += item->height;
    }
  return need;
}

static int
repeated_header (Item *item)
{
  return (item->flags & ITEM_HEADER) ? -1 : item->header;
}

/**
 * se_report_paginate:
 * @self: a report
 * @cr: a cairo context whose user units are points (PDF surface, or a
 *   GtkPrintContext's with the print operation's unit set to
 *   %GTK_UNIT_POINTS and use-full-page %TRUE)
 * @page_width: the width of the paper in points
 * @page_height: the height of the paper in points
 *
 * Lays the report out on pages of the given size, with margins of 2 cm.
 * Call it again when the paper size changes.
 *
 * Returns: the number of pages, at least 1
 */
guint
se_report_paginate (SeReport *self,
                    cairo_t  *cr,
                    double    page_width,
                    double    page_height)
{
  cairo_font_options_t *options;
  Flow flow = { self, NULL, 0, 0, 0, 0 };

  g_return_val_if_fail (SE_IS_REPORT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (page_width > 4 * MARGIN && page_height > 4 * MARGIN, 0);

  self->page_width = page_width;
  self->page_height = page_height;

  /* Metrics without hinting, so that the lines measured here break the
   * same way on whatever surface draws them. */
  g_clear_object (&self->context);
  self->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      g_clear_pointer (&item->lines, g_array_unref);
      measure_item (self, item);
    }

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  flow.top = MARGIN;
  flow.bottom = page_height - MARGIN;
  new_page (&flow, -1);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      double from = 0;

      if (item->flags & ITEM_SPACE)
        {
          if (flow.y > flow.content_top)
            flow.y += item->height;
          continue;
        }

      if (flow.y > flow.content_top
          && flow.y + MIN (needed (self, i), flow.bottom - flow.top) > flow.bottom + 0.01)
        new_page (&flow, repeated_header (item));

      for (;;)
        {
          double avail = flow.bottom - flow.y;
          double brk;

          if (item->height - from <= avail + 0.01)
            {
              place (&flow, i, from, item->height);
              break;
            }

          /* A row that does not fit an empty page breaks like a paragraph. */
          brk = find_break (item, from, from + avail);
          if (brk <= from && flow.y > flow.content_top)
            {
              new_page (&flow, repeated_header (item));
              continue;
            }
          if (brk <= from)
            brk = from + avail;   /* a single line taller than a page */
          place (&flow, i, from, brk);
          from = brk;
          new_page (&flow, repeated_header (item));
        }
    }

  return self->pages->len;
}

/**
 * se_report_get_n_pages:
 *
 * Returns: the number of pages the last se_report_paginate() made, or 0
 */
guint
se_report_get_n_pages (SeReport *self)
{
  g_return_val_if_fail (SE_IS_REPORT (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

static void
hairline (cairo_t *cr,
          double   x0,
          double   x1,
          double   y,
          double   width,
          double   level)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, level, level, level);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_item (SeReport *self,
           cairo_t  *cr,
           Item     *item)
{
  double width = text_width (self);

  if (item->flags & ITEM_HEADER)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, SHADE_GREY, SHADE_GREY, SHADE_GREY);
      cairo_rectangle (cr, 0, 0, width, item->height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < item->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (item->cells, i);
      double x = cell->x * width;

      if (cell->overline)
        hairline (cr, x + CELL_PAD_X, x + cell->width * width - CELL_PAD_X, 0, 0.6, 0);
      cairo_move_to (cr, x + CELL_PAD_X, item->pad);
      pango_cairo_show_layout (cr, cell->layout);
    }

  if (item->flags & ITEM_RULE_BELOW)
    {
      gboolean strong = (item->flags & ITEM_STRONG_RULE) != 0;
      hairline (cr, 0, width, item->height - 0.25, strong ? 0.8 : 0.4, strong ? 0.2 : RULE_GREY);
    }
}

static void
draw_text (SeReport       *self,
           cairo_t        *cr,
           double          x,
           double          y,
           double          width,
           PangoAlignment  align,
           const char     *text)
{
  g_autofree char *markup = grey (text);
  g_autoptr(PangoLayout) layout = make_layout (self, STYLE_FOOTER, width, align, markup);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/**
 * se_report_draw_page:
 * @self: a report laid out by se_report_paginate()
 * @cr: where to draw, in points, origin at the paper's top left corner
 * @page: the page, counted from 0
 *
 * Draws one page with its running head and footer.
 */
void
se_report_draw_page (SeReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  GArray *placed;
  double width;
  double footer_y;
  g_autofree char *date = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *page_of = NULL;

  g_return_if_fail (SE_IS_REPORT (self));
  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page < self->pages->len);

  placed = g_ptr_array_index (self->pages, page);
  width = text_width (self);

  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      Item *item = g_ptr_array_index (self->items, p->item);

      cairo_save (cr);
      /* A piece of an item broken over pages shows only its own lines. */
      cairo_rectangle (cr, MARGIN - CELL_PAD_X, p->y, width + 2 * CELL_PAD_X, p->to - p->from);
      cairo_clip (cr);
      cairo_translate (cr, MARGIN, p->y - p->from);
      draw_item (self, cr, item);
      cairo_restore (cr);
    }

  cairo_save (cr);
  if (page > 0 && self->running_header != NULL)
    {
      draw_text (self, cr, MARGIN, MARGIN - 26, width, PANGO_ALIGN_LEFT, self->running_header);
      hairline (cr, MARGIN, MARGIN + width, MARGIN - 12, 0.4, RULE_GREY);
    }

  footer_y = self->page_height - MARGIN + 14;
  hairline (cr, MARGIN, MARGIN + width, footer_y, 0.4, RULE_GREY);
  date = se_date_format (self->print_date);
  /* Translators: in the footer of a printed page, %s is today's date */
  printed = g_strdup_printf (C_("report", "Printed on %s"), date);
  /* Translators: in the footer of a printed page */
  page_of = g_strdup_printf (C_("report", "Page %u of %u"), page + 1, self->pages->len);
  draw_text (self, cr, MARGIN, footer_y + 4, width * 0.6, PANGO_ALIGN_LEFT, printed);
  draw_text (self, cr, MARGIN + width * 0.6, footer_y + 4, width * 0.4, PANGO_ALIGN_RIGHT, page_of);
  cairo_restore (cr);
}

/* Writing a PDF */

typedef struct
{
  int fd;
  int error;
} Sink;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0 && sink->error == 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->error = n < 0 ? errno : EIO;
          break;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, SE_REPORT_ERROR, SE_REPORT_ERROR_WRITE,
               /* Translators: %1$s is a file name, %2$s the system's reason */
               _("Could not write %1$s: %2$s. Choose another folder or free some space."),
               display, reason);
}

/**
 * se_report_write_pdf:
 * @self: a report
 * @path: the PDF file to write
 * @error: return location for an error
 *
 * Writes the report as an A4 PDF to a temporary file next to @path and
 * renames it into place only when all of it is written, so that @path
 * is either the whole new document or left as it was.
 *
 * Returns: %TRUE if @path holds the PDF
 */
gboolean
se_report_write_pdf (SeReport    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(SePrivateFile) file = NULL;
  g_autoptr(GError) local = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Sink sink = { -1, 0 };
  guint n_pages;

  g_return_val_if_fail (SE_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The summary holds personal data: the owner's only, like the database. */
  file = se_private_file_open (path, &local);
  if (file == NULL)
    {
      set_write_error (error, path, local->message);
      return FALSE;
    }
  sink.fd = se_private_file_get_fd (file);

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &sink,
                                                 SE_REPORT_A4_WIDTH, SE_REPORT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Staff Exchange");
  cr = cairo_create (surface);

  n_pages = se_report_paginate (self, cr, SE_REPORT_A4_WIDTH, SE_REPORT_A4_HEIGHT);
  for (guint i = 0; i < n_pages && sink.error == 0; i++)
    {
      se_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error == 0 && status != CAIRO_STATUS_SUCCESS)
    sink.error = status == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO;
  if (sink.error != 0)
    {
      set_write_error (error, path, g_strerror (sink.error));
      return FALSE;
    }

  if (!se_private_file_commit (g_steal_pointer (&file), &local))
    {
      set_write_error (error, path, local->message);
      return FALSE;
    }
  return TRUE;
}
