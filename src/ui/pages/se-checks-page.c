/* se-checks-page.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "se-checks.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-checks-page.h"
#include "se-pages-private.h"
#include "se-placement.h"
#include "se-store-checks.h"

/* Up to this many placements, the checks also run while the page is
 * hidden, for the count in the sidebar. */
#define CHEAP_PLACEMENTS 20000

/* The Checks page: what se_checks_run() finds, one row a finding with the
 * rule as heading, its sentence, a link to the record and "Dismiss", each
 * button an action of the page (checks.open, checks.dismiss,
 * checks.restore) whose target names the record or the finding. The
 * checks run again in an idle after the store changed, so that a burst of
 * edits (an import, an undo) costs one run, not one per record.
 *
 * A large database has hundreds of thousands of findings: the page is one
 * list view, which makes rows only for the findings in sight, over a model
 * of the summary, the findings, the heading "Dismissed" and the dismissed
 * findings (SeCheckItems below). */

typedef enum
{
  ITEM_SUMMARY,
  ITEM_FINDING,
  ITEM_DISMISSED_TITLE,
  ITEM_DISMISSED,
} ItemKind;

/* The list view's model: positions map onto the page's arrays, so that
 * setting 240,000 findings costs one items-changed, not 240,000 inserts. */

#define SE_TYPE_CHECK_ITEMS (se_check_items_get_type ())
G_DECLARE_FINAL_TYPE (SeCheckItems, se_check_items, SE, CHECK_ITEMS, GObject)

struct _SeCheckItems
{
  GObject    parent_instance;

  GPtrArray *findings;
  GPtrArray *dismissed;
  GObject   *summary;
  GObject   *dismissed_title;
};

static GType
se_check_items_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
se_check_items_get_n_items (GListModel *model)
{
  SeCheckItems *self = SE_CHECK_ITEMS (model);
  guint n = 0;

  if (self->findings != NULL && self->findings->len > 0)
    n += 1 + self->findings->len;
  if (self->dismissed != NULL && self->dismissed->len > 0)
    n += 1 + self->dismissed->len;
  return n;
}

/* Which part of the page @position is, and its index in that part */
static ItemKind
se_check_items_kind (SeCheckItems *self,
                     guint         position,
                     guint        *index)
{
  guint n_findings = self->findings != NULL ? self->findings->len : 0;

  *index = 0;
  if (n_findings > 0)
    {
      if (position == 0)
        return ITEM_SUMMARY;
      if (position <= n_findings)
        {
          *index = position - 1;
          return ITEM_FINDING;
        }
      position -= 1 + n_findings;
    }
  if (position == 0)
    return ITEM_DISMISSED_TITLE;
  *index = position - 1;
  return ITEM_DISMISSED;
}

static gpointer
se_check_items_get_item (GListModel *model,
                         guint       position)
{
  SeCheckItems *self = SE_CHECK_ITEMS (model);
  guint index;

  if (position >= se_check_items_get_n_items (model))
    return NULL;
  switch (se_check_items_kind (self, position, &index))
    {
    case ITEM_SUMMARY:
      return g_object_ref (self->summary);
    case ITEM_FINDING:
      return g_object_ref (g_ptr_array_index (self->findings, index));
    case ITEM_DISMISSED_TITLE:
      return g_object_ref (self->dismissed_title);
    case ITEM_DISMISSED:
    default:
      return g_object_ref (g_ptr_array_index (self->dismissed, index));
    }
}

static void
se_check_items_model_init (GListModelInterface *iface)
{
  iface->get_item_type = se_check_items_get_item_type;
  iface->get_n_items = se_check_items_get_n_items;
  iface->get_item = se_check_items_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SeCheckItems, se_check_items, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      se_check_items_model_init))

static void
se_check_items_finalize (GObject *object)
{
  SeCheckItems *self = SE_CHECK_ITEMS (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->dismissed, g_ptr_array_unref);
  g_clear_object (&self->summary);
  g_clear_object (&self->dismissed_title);

  G_OBJECT_CLASS (se_check_items_parent_class)->finalize (object);
}

static void
se_check_items_class_init (SeCheckItemsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = se_check_items_finalize;
}

static void
se_check_items_init (SeCheckItems *self)
{
  /* The headings' items: their rows read the text from the page */
  self->summary = g_object_new (G_TYPE_OBJECT, NULL);
  self->dismissed_title = g_object_new (G_TYPE_OBJECT, NULL);
}

/* Takes the arrays (either may be %NULL) in place of the ones shown. */
static void
se_check_items_set (SeCheckItems *self,
                    GPtrArray    *findings,
                    GPtrArray    *dismissed)
{
  guint before = se_check_items_get_n_items (G_LIST_MODEL (self));

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->dismissed, g_ptr_array_unref);
  self->findings = findings != NULL ? g_ptr_array_ref (findings) : NULL;
  self->dismissed = dismissed != NULL ? g_ptr_array_ref (dismissed) : NULL;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before,
                              se_check_items_get_n_items (G_LIST_MODEL (self)));
}

struct _SeChecksPage
{
  SeToolPage    parent_instance;

  GSettings    *settings;
  char         *today;
  GPtrArray    *findings;
  GPtrArray    *dismissed;
  gboolean      has_run;
  gboolean      show_dismissed;
  /* se_checks_page_refresh(): on the window's connection, now */
  gboolean      run_here;

  /* The list items bound to a row now, to restyle when positions move */
  GPtrArray    *bound;

  GtkStack     *stack;
  GtkListView  *list;
  SeCheckItems *items;
  GtkWidget    *spinner;
};

G_DEFINE_FINAL_TYPE (SeChecksPage, se_checks_page, SE_TYPE_TOOL_PAGE)

enum
{
  PROP_0,
  PROP_N_FINDINGS,
  PROP_SHOW_DISMISSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Actions */

/* checks.open: the record of a key "table:id" */
static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SeChecksPage *self = SE_CHECKS_PAGE (widget);
  g_autoptr(SeRecord) record = NULL;
  GType type;
  gint64 id;

  if (!se_checks_parse_record_key (g_variant_get_string (parameter, NULL), &type, &id))
    return;
  record = se_store_lookup (se_tool_page_get_store (SE_TOOL_PAGE (self)), type, id);
  if (record == NULL)
    return;
  se_tool_page_open_record (SE_TOOL_PAGE (self), record);
}

typedef struct
{
  SeChecksPage *self;
  char         *key;
} Undo;

/* The toast's Undo: as the dismissed finding's Restore does */
static void
on_undo_dismiss (AdwToast *toast,
                 Undo     *undo)
{
  gtk_widget_activate_action (GTK_WIDGET (undo->self), "checks.restore", "s", undo->key);
}

static void
undo_closure_free (gpointer  data,
                   GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->self);
  g_free (undo->key);
  g_free (undo);
}

static void
toast (SeChecksPage *self,
       AdwToast     *t)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (g_object_ref_sink (t));
}

static void
toast_error (SeChecksPage *self,
             GError       *error)
{
  AdwToast *t = adw_toast_new (error->message);

  adw_toast_set_timeout (t, 0);
  toast (self, t);
}

static void show_findings (SeChecksPage *self,
                           GPtrArray    *findings);

/* Dismisses a finding for its record: the findings of its rule about its
 * record go at once, and the checks run again in the background. */
static gboolean
dismiss_finding (SeChecksPage  *self,
                 SeFinding     *finding,
                 GError       **error)
{
  GPtrArray *kept;

  if (!se_checks_dismiss (se_tool_page_get_store (SE_TOOL_PAGE (self)), finding, error))
    return FALSE;

  kept = g_ptr_array_new_full (self->findings->len, g_object_unref);
  for (guint i = 0; i < self->findings->len; i++)
    {
      SeFinding *f = g_ptr_array_index (self->findings, i);

      if (se_finding_get_rule (f) != se_finding_get_rule (finding)
          || se_finding_get_record_type (f) != se_finding_get_record_type (finding)
          || se_finding_get_record_id (f) != se_finding_get_record_id (finding))
        g_ptr_array_add (kept, g_object_ref (f));
    }
  show_findings (self, kept);
  se_tool_page_queue_refresh (SE_TOOL_PAGE (self));
  return TRUE;
}

/* checks.dismiss: a finding shown, by its dismissal key */
static void
dismiss_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SeChecksPage *self = SE_CHECKS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  SeCheckRule rule;
  GType type;
  gint64 id;

  if (self->findings == NULL
      || !se_checks_parse_finding_key (g_variant_get_string (parameter, NULL), &rule, &type, &id))
    return;

  for (guint i = 0; i < self->findings->len; i++)
    {
      g_autoptr(SeFinding) finding = g_object_ref (g_ptr_array_index (self->findings, i));
      Undo *undo;
      AdwToast *t;

      if (se_finding_get_rule (finding) != rule || se_finding_get_record_type (finding) != type
          || se_finding_get_record_id (finding) != id)
        continue;

      if (!dismiss_finding (self, finding, &error))
        {
          toast_error (self, error);
          return;
        }

      undo = g_new0 (Undo, 1);
      undo->self = g_object_ref (self);
      undo->key = g_variant_dup_string (parameter, NULL);
      t = adw_toast_new (_("Finding dismissed"));
      adw_toast_set_button_label (t, _("_Undo"));
      /* The toast is the window's, out of reach of the page's actions: its
       * button's handler activates one */
      g_signal_connect_data (t, "button-clicked", G_CALLBACK (on_undo_dismiss), undo,
                             undo_closure_free, 0);
      toast (self, t);
      return;
    }
}

/* checks.restore: a dismissed finding, by its dismissal key */
static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SeChecksPage *self = SE_CHECKS_PAGE (widget);
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  g_autoptr(GError) error = NULL;
  SeCheckRule rule;
  GType type;
  gint64 id;

  if (!se_checks_parse_finding_key (g_variant_get_string (parameter, NULL), &rule, &type, &id))
    return;
  if (!se_store_undismiss (store, rule, type, id, &error))
    {
      toast_error (self, error);
      return;
    }
  se_tool_page_queue_refresh (SE_TOOL_PAGE (self));
}

/* The dismissed findings, as findings whose message is the record's
 * title; %NULL unless they are to be shown. */
static GPtrArray *
read_dismissed (SeChecksPage *self)
{
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(GList) list = NULL;
  GPtrArray *dismissed;

  if (!self->show_dismissed)
    return NULL;
  keys = se_store_get_dismissals (store, NULL);
  if (keys == NULL)
    return NULL;
  list = g_list_sort (g_hash_table_get_keys (keys), (GCompareFunc) g_strcmp0);

  dismissed = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = list; l != NULL; l = l->next)
    {
      SeCheckRule rule;
      GType type;
      gint64 id;
      g_autoptr(SeRecord) record = NULL;
      g_autofree char *title = NULL;

      if (!se_checks_parse_finding_key (l->data, &rule, &type, &id)
          || (record = se_store_lookup (store, type, id)) == NULL)
        continue;
      title = se_describe_title (store, record);
      g_ptr_array_add (dismissed, se_finding_new (rule, SE_SEVERITY_INFO, type, id, title));
    }
  return dismissed;
}

/* The rows of one boxed list are rounded at its ends: which rows those
 * are depends on the position, which moves when a finding goes. */
static void
style_row (SeChecksPage *self,
           GtkListItem  *item)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (gtk_list_item_get_child (item)));
  guint position = gtk_list_item_get_position (item);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint index;
  ItemKind kind;
  gboolean first, last;

  if (child == NULL || position >= n)
    return;
  kind = se_check_items_kind (self->items, position, &index);
  if (kind != ITEM_FINDING && kind != ITEM_DISMISSED)
    return;
  first = index == 0;
  last = kind == ITEM_FINDING ? index + 1 == self->findings->len
                              : index + 1 == self->dismissed->len;
  if (first)
    gtk_widget_add_css_class (child, "first");
  else
    gtk_widget_remove_css_class (child, "first");
  if (last)
    gtk_widget_add_css_class (child, "last");
  else
    gtk_widget_remove_css_class (child, "last");
  /* The space below the page's end, as the box of the lists had */
  gtk_widget_set_margin_bottom (gtk_list_item_get_child (item), position + 1 == n ? 18 : 0);
}

static void
restyle_rows (SeChecksPage *self)
{
  for (guint i = 0; i < self->bound->len; i++)
    style_row (self, g_ptr_array_index (self->bound, i));
}

/* The list view's factory (se-checks-page.ui): a bin whose row depends on
 * the kind of item, so the row is made in bind. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SeChecksPage             *self)
{
  gtk_list_item_set_child (item, adw_bin_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SeChecksPage             *self)
{
  GtkWidget *bin = gtk_list_item_get_child (item);
  guint position = gtk_list_item_get_position (item);
  GtkWidget *row = NULL;
  guint index;
  ItemKind kind = se_check_items_kind (self->items, position, &index);

  switch (kind)
    {
    case ITEM_SUMMARY:
      {
        /* Translators: %'u is a number with the locale's thousands separator */
        g_autofree char *text = g_strdup_printf (ngettext ("%'u finding to look at",
                                                           "%'u findings to look at",
                                                           self->findings->len),
                                                 self->findings->len);
        row = se_checks_heading_new (text, FALSE);
      }
      break;
    case ITEM_FINDING:
      row = se_finding_row_new (se_tool_page_get_store (SE_TOOL_PAGE (self)),
                                gtk_list_item_get_item (item));
      break;
    case ITEM_DISMISSED_TITLE:
      row = se_checks_heading_new (_("Dismissed"),
                                   self->findings != NULL && self->findings->len > 0);
      break;
    case ITEM_DISMISSED:
      row = se_dismissed_row_new (gtk_list_item_get_item (item));
      break;
    }
  gtk_list_item_set_activatable (item, kind == ITEM_FINDING);
  adw_bin_set_child (ADW_BIN (bin), row);
  g_ptr_array_add (self->bound, item);
  style_row (self, item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            SeChecksPage             *self)
{
  g_ptr_array_remove_fast (self->bound, item);
  adw_bin_set_child (ADW_BIN (gtk_list_item_get_child (item)), NULL);
}

/* A click on a finding's row opens its record, as its arrow does */
static void
on_activate (GtkListView  *view,
             guint         position,
             SeChecksPage *self)
{
  guint index;

  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->items))
      && se_check_items_kind (self->items, position, &index) == ITEM_FINDING)
    {
      SeFinding *finding = g_ptr_array_index (self->findings, index);
      g_autofree char *key = se_checks_record_key (se_finding_get_record_type (finding),
                                                   se_finding_get_record_id (finding));

      gtk_widget_activate_action (GTK_WIDGET (self), "checks.open", "s", key);
    }
}

/* Shows self->findings and self->dismissed */
static void
show_items (SeChecksPage *self)
{
  se_check_items_set (self->items, self->findings, self->dismissed);
  restyle_rows (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0
                                    ? "list" : "empty");
}

/**
 * se_checks_page_refresh:
 *
 * Runs the checks now, on the window's connection, and shows what they
 * find. (Changes to the store run them again in a worker thread.)
 */
void
se_checks_page_refresh (SeChecksPage *self)
{
  g_return_if_fail (SE_IS_CHECKS_PAGE (self));

  self->run_here = TRUE;
  se_tool_page_refresh (SE_TOOL_PAGE (self));
  self->run_here = FALSE;
}

static void
set_checking (SeChecksPage *self,
              gboolean      checking)
{
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), checking);
}

/* Takes @findings and shows them in place of the ones shown */
static void
show_findings (SeChecksPage *self,
               GPtrArray    *findings)
{
  guint before = self->findings != NULL ? self->findings->len : G_MAXUINT;

  self->has_run = TRUE;
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;
  g_clear_pointer (&self->dismissed, g_ptr_array_unref);
  self->dismissed = read_dismissed (self);
  show_items (self);

  if (before != self->findings->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINDINGS]);
}

static GPtrArray *
run_checks (SeStore    *store,
            const char *today,
            int         days)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = se_checks_run (store, today, days, &error);

  /* A failed run (a server that dropped the connection meanwhile) is not
   * shown as "no findings": the page keeps what it showed, and runs
   * again with the next change */
  if (findings == NULL)
    g_message ("Checks failed: %s", error->message);
  return findings;
}

typedef struct
{
  char *today;
  int   days;
} CheckJob;

static void
check_job_free (gpointer data)
{
  CheckJob *job = data;

  g_free (job->today);
  g_free (job);
}

static gpointer
check (SeStore  *store,
       gpointer  data)
{
  CheckJob *job = data;

  return run_checks (store, job->today, job->days);
}

static void
check_done (SeToolPage *page,
            gpointer    result)
{
  SeChecksPage *self = SE_CHECKS_PAGE (page);

  set_checking (self, FALSE);
  if (result != NULL)
    show_findings (self, result);
}

static void
se_checks_page_real_refresh (SeToolPage *page)
{
  SeChecksPage *self = SE_CHECKS_PAGE (page);
  int days = g_settings_get_int (self->settings, "expiry-warning-days");
  CheckJob *job;

  if (self->run_here)
    {
      GPtrArray *findings = run_checks (se_tool_page_get_store (page), self->today, days);

      se_tool_page_cancel_work (page);
      set_checking (self, FALSE);
      if (findings != NULL)
        show_findings (self, findings);
      return;
    }

  set_checking (self, TRUE);
  if (!self->has_run)
    gtk_stack_set_visible_child_name (self->stack, "checking");
  job = g_new0 (CheckJob, 1);
  job->today = g_strdup (self->today);
  job->days = days;
  se_tool_page_run_work (page, check, job, check_job_free, (GDestroyNotify) g_ptr_array_unref,
                         check_done);
}

/* The sidebar shows the number of findings, so a database small enough
 * to check in a moment is checked while the page is hidden too. */
static gboolean
se_checks_page_refresh_hidden (SeToolPage *page)
{
  return se_store_count (se_tool_page_get_store (page), SE_TYPE_PLACEMENT) <= CHEAP_PLACEMENTS;
}

/* checks.show-dismissed, the header bar's toggle: showing or hiding the
 * dismissed findings does not change the others. */
static void
set_show_dismissed (SeChecksPage *self,
                    gboolean      show)
{
  if (self->show_dismissed == show)
    return;
  self->show_dismissed = show;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DISMISSED]);

  if (!self->has_run)
    return;
  g_clear_pointer (&self->dismissed, g_ptr_array_unref);
  self->dismissed = read_dismissed (self);
  show_items (self);
}

static void
se_checks_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SeChecksPage *self = SE_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_FINDINGS:
      g_value_set_uint (value, se_checks_page_get_n_findings (self));
      break;
    case PROP_SHOW_DISMISSED:
      g_value_set_boolean (value, self->show_dismissed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
se_checks_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SeChecksPage *self = SE_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_DISMISSED:
      set_show_dismissed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
se_checks_page_constructed (GObject *object)
{
  SeChecksPage *self = SE_CHECKS_PAGE (object);
  gboolean writable;

  G_OBJECT_CLASS (se_checks_page_parent_class)->constructed (object);

  /* A read-only database keeps its dismissals as they are */
  writable = !se_store_is_read_only (se_tool_page_get_store (SE_TOOL_PAGE (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checks.dismiss", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checks.restore", writable);
}

static void
se_checks_page_dispose (GObject *object)
{
  SeChecksPage *self = SE_CHECKS_PAGE (object);

  se_tool_page_cancel_work (SE_TOOL_PAGE (self));
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_CHECKS_PAGE);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->dismissed, g_ptr_array_unref);

  G_OBJECT_CLASS (se_checks_page_parent_class)->dispose (object);
}

static void
se_checks_page_finalize (GObject *object)
{
  SeChecksPage *self = SE_CHECKS_PAGE (object);

  g_free (self->today);
  g_clear_pointer (&self->bound, g_ptr_array_unref);

  G_OBJECT_CLASS (se_checks_page_parent_class)->finalize (object);
}

static void
se_checks_page_class_init (SeChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SeToolPageClass *page_class = SE_TOOL_PAGE_CLASS (klass);

  object_class->get_property = se_checks_page_get_property;
  object_class->set_property = se_checks_page_set_property;
  object_class->constructed = se_checks_page_constructed;
  object_class->dispose = se_checks_page_dispose;
  object_class->finalize = se_checks_page_finalize;
  page_class->refresh = se_checks_page_real_refresh;
  page_class->refresh_hidden = se_checks_page_refresh_hidden;

  properties[PROP_N_FINDINGS] =
    g_param_spec_uint ("n-findings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the dismissed findings are listed below the others */
  properties[PROP_SHOW_DISMISSED] =
    g_param_spec_boolean ("show-dismissed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The list view's model, named in the template */
  g_type_ensure (SE_TYPE_CHECK_ITEMS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-checks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeChecksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SeChecksPage, list);
  gtk_widget_class_bind_template_child (widget_class, SeChecksPage, items);
  gtk_widget_class_bind_template_child (widget_class, SeChecksPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  /* The buttons of the rows; see "Keys" for their targets */
  gtk_widget_class_install_action (widget_class, "checks.open", "s", open_activated);
  gtk_widget_class_install_action (widget_class, "checks.dismiss", "s", dismiss_activated);
  gtk_widget_class_install_action (widget_class, "checks.restore", "s", restore_activated);
  gtk_widget_class_install_property_action (widget_class, "checks.show-dismissed",
                                            "show-dismissed");
}

static void
se_checks_page_init (SeChecksPage *self)
{
  self->settings = g_settings_new (APP_ID);
  self->bound = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * se_checks_page_new:
 * @store: the open store
 *
 * Returns: (transfer floating): the page, its checks run once
 */
SeChecksPage *
se_checks_page_new (SeStore *store)
{
  SeChecksPage *self = g_object_new (SE_TYPE_CHECKS_PAGE, "store", store, NULL);

  g_signal_connect_swapped (self->settings, "changed::expiry-warning-days",
                            G_CALLBACK (se_tool_page_queue_refresh), self);
  return self;
}

/**
 * se_checks_page_set_today:
 * @today_iso: (nullable): the day the checks take as today, %NULL for the
 *   real one (tests and screenshots fix it)
 */
void
se_checks_page_set_today (SeChecksPage *self,
                          const char   *today_iso)
{
  g_return_if_fail (SE_IS_CHECKS_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today_iso);
  se_checks_page_refresh (self);
}

/**
 * se_checks_page_has_run:
 *
 * Returns: whether the checks have run yet; on a large database they run
 *   only once the page is shown
 */
gboolean
se_checks_page_has_run (SeChecksPage *self)
{
  g_return_val_if_fail (SE_IS_CHECKS_PAGE (self), FALSE);

  return self->has_run;
}

/**
 * se_checks_page_get_n_findings:
 *
 * Returns: the number of findings shown (not dismissed)
 */
guint
se_checks_page_get_n_findings (SeChecksPage *self)
{
  g_return_val_if_fail (SE_IS_CHECKS_PAGE (self), 0);

  return self->findings != NULL ? self->findings->len : 0;
}

/**
 * se_checks_page_get_findings:
 *
 * Returns: (transfer none) (element-type SeFinding): the findings shown,
 *   in the order of their rows
 */
GPtrArray *
se_checks_page_get_findings (SeChecksPage *self)
{
  g_return_val_if_fail (SE_IS_CHECKS_PAGE (self), NULL);

  return self->findings;
}
