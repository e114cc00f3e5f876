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
#include "se-placement.h"
#include "se-store-checks.h"

/* Up to this many placements, the checks also run while the page is
 * hidden, for the count in the sidebar. */
#define CHEAP_PLACEMENTS 20000

/* The Checks page: what se_checks_run() finds, one row a finding with the
 * rule as heading, its sentence, a link to the record and "Dismiss". The
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
  SeToolPage  parent_instance;

  GSettings  *settings;
  char       *today;
  GPtrArray  *findings;
  GPtrArray  *dismissed;
  gboolean    has_run;
  /* se_checks_page_refresh(): on the window's connection, now */
  gboolean    run_here;

  SeCheckItems *items;
  /* The list items bound to a row now, to restyle when positions move */
  GPtrArray  *bound;

  GtkWidget  *dismissed_button;
  GtkStack   *stack;
  GtkListView *list;
  GtkWidget  *spinner;
};


G_DEFINE_FINAL_TYPE (SeChecksPage, se_checks_page, SE_TYPE_TOOL_PAGE)

enum
{
  PROP_0,
  PROP_N_FINDINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
open_record (SeChecksPage *self,
             GType         type,
             gint64        id)
{
  g_autoptr(SeRecord) record = se_store_lookup (se_tool_page_get_store (SE_TOOL_PAGE (self)),
                                                type, id);

  if (record == NULL)
    return;
  se_tool_page_open_record (SE_TOOL_PAGE (self), record);
}

static void
on_open_clicked (GtkButton    *button,
                 SeChecksPage *self)
{
  SeFinding *finding = g_object_get_data (G_OBJECT (button), "se-finding");

  open_record (self, se_finding_get_record_type (finding), se_finding_get_record_id (finding));
}

static void
on_related_clicked (GtkButton    *button,
                    SeChecksPage *self)
{
  SeFinding *finding = g_object_get_data (G_OBJECT (button), "se-finding");

  open_record (self, se_finding_get_related_type (finding), se_finding_get_related_id (finding));
}

typedef struct
{
  SeChecksPage *self;
  SeCheckRule   rule;
  GType         type;
  gint64        id;
} Dismissal;

static void
on_undo_dismiss (AdwToast  *toast,
                 Dismissal *d)
{
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (d->self));
  g_autoptr(GError) error = NULL;

  if (!se_store_undismiss (store, d->rule, d->type, d->id, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  se_tool_page_queue_refresh (SE_TOOL_PAGE (d->self));
}

static void
dismissal_free (gpointer data)
{
  Dismissal *d = data;

  g_object_unref (d->self);
  g_free (d);
}

static void
dismissal_closure_free (gpointer  data,
                        GClosure *closure)
{
  dismissal_free (data);
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
on_dismiss_clicked (GtkButton    *button,
                    SeChecksPage *self)
{
  SeFinding *finding = g_object_get_data (G_OBJECT (button), "se-finding");
  g_autoptr(GError) error = NULL;
  Dismissal *d;
  AdwToast *t;

  for (guint i = 0; i < self->findings->len; i++)
    if (g_ptr_array_index (self->findings, i) == finding)
      {
        d = g_new0 (Dismissal, 1);
        d->self = g_object_ref (self);
        d->rule = se_finding_get_rule (finding);
        d->type = se_finding_get_record_type (finding);
        d->id = se_finding_get_record_id (finding);

        if (!se_checks_page_dismiss (self, i, &error))
          {
            dismissal_free (d);
            t = adw_toast_new (error->message);
            adw_toast_set_timeout (t, 0);
            toast (self, t);
            return;
          }

        t = adw_toast_new (_("Finding dismissed"));
        adw_toast_set_button_label (t, _("_Undo"));
        g_signal_connect_data (t, "button-clicked", G_CALLBACK (on_undo_dismiss), d,
                               dismissal_closure_free, 0);
        toast (self, t);
        return;
      }
}

static const char *
severity_icon (SeSeverity severity)
{
  switch (severity)
    {
    case SE_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case SE_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case SE_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_class (SeSeverity severity)
{
  switch (severity)
    {
    case SE_SEVERITY_ERROR:
      return "error";
    case SE_SEVERITY_WARNING:
      return "warning";
    case SE_SEVERITY_INFO:
    default:
      return "accent";
    }
}

static GtkWidget *
finding_row (SeChecksPage *self,
             SeFinding    *finding)
{
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (se_finding_get_severity (finding)));
  GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");
  GtkWidget *dismiss = gtk_button_new_with_mnemonic (_("_Dismiss"));
  g_autoptr(SeRecord) record = se_store_lookup (store, se_finding_get_record_type (finding),
                                                se_finding_get_record_id (finding));
  g_autofree char *title = record != NULL ? se_describe_title (store, record)
                                          : g_strdup ("");
  g_autofree char *open_label = NULL;
  g_autofree char *dismiss_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 se_check_rule_get_label (se_finding_get_rule (finding)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), se_finding_get_message (finding));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "se-finding");

  gtk_widget_add_css_class (icon, severity_class (se_finding_get_severity (finding)));
  gtk_widget_set_tooltip_text (icon, se_severity_get_label (se_finding_get_severity (finding)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  se_severity_get_label (se_finding_get_severity (finding)), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_set_name (dismiss, "dismiss");
  gtk_widget_add_css_class (dismiss, "flat");
  /* Translators: %s names the record a finding is about */
  dismiss_label = g_strdup_printf (_("Dismiss the finding about “%s”"), title);
  gtk_widget_set_tooltip_text (dismiss, _("Hide this finding for this record"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dismiss), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  dismiss_label, -1);
  g_object_set_data_full (G_OBJECT (dismiss), "se-finding", g_object_ref (finding),
                          g_object_unref);
  g_signal_connect (dismiss, "clicked", G_CALLBACK (on_dismiss_clicked), self);
  gtk_widget_set_sensitive (dismiss, !se_store_is_read_only (store));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);

  if (se_finding_get_related_id (finding) != 0)
    {
      g_autoptr(SeRecord) related = se_store_lookup (store, se_finding_get_related_type (finding),
                                                     se_finding_get_related_id (finding));
      if (related != NULL)
        {
          g_autofree char *rt = se_describe_title (store, related);
          GtkWidget *other = gtk_button_new_from_icon_name ("insert-link-symbolic");
          /* Translators: %s names the second record a finding concerns */
          g_autofree char *other_label = g_strdup_printf (_("Open “%s”"), rt);

          gtk_widget_set_valign (other, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (other, "flat");
          gtk_widget_set_name (other, "open-related");
          gtk_widget_set_tooltip_text (other, other_label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (other), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          other_label, -1);
          g_object_set_data_full (G_OBJECT (other), "se-finding", g_object_ref (finding),
                                  g_object_unref);
          g_signal_connect (other, "clicked", G_CALLBACK (on_related_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), other);
        }
    }

  /* Translators: %s names the record a finding is about */
  open_label = g_strdup_printf (_("Open “%s”"), title);
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_name (open, "open");
  gtk_widget_set_tooltip_text (open, open_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  open_label, -1);
  g_object_set_data_full (G_OBJECT (open), "se-finding", g_object_ref (finding),
                          g_object_unref);
  g_signal_connect (open, "clicked", G_CALLBACK (on_open_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);

  return row;
}

/* Dismissed findings: the store keeps "rule-nick:table:id" keys. */

static GType
type_of_table (const char *table)
{
  guint n;
  const GType *types = se_store_get_record_types (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      if (g_strcmp0 (se_record_class_get_table (SE_RECORD_CLASS (klass)), table) == 0)
        return types[i];
    }
  return G_TYPE_INVALID;
}

static void
on_restore_clicked (GtkButton    *button,
                    SeChecksPage *self)
{
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  Dismissal *d = g_object_get_data (G_OBJECT (button), "se-dismissal");
  g_autoptr(GError) error = NULL;

  if (!se_store_undismiss (store, d->rule, d->type, d->id, &error))
    {
      AdwToast *t = adw_toast_new (error->message);
      adw_toast_set_timeout (t, 0);
      toast (self, t);
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

  if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->dismissed_button)))
    return NULL;
  keys = se_store_get_dismissals (store, NULL);
  if (keys == NULL)
    return NULL;
  list = g_list_sort (g_hash_table_get_keys (keys), (GCompareFunc) g_strcmp0);

  dismissed = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = list; l != NULL; l = l->next)
    {
      g_auto(GStrv) parts = g_strsplit (l->data, ":", 3);
      int rule;
      GType type;
      gint64 id;
      g_autoptr(SeRecord) record = NULL;
      g_autofree char *title = NULL;

      if (g_strv_length (parts) != 3 || !se_enum_from_nick (SE_TYPE_CHECK_RULE, parts[0], &rule))
        continue;
      type = type_of_table (parts[1]);
      id = g_ascii_strtoll (parts[2], NULL, 10);
      if (type == G_TYPE_INVALID || (record = se_store_lookup (store, type, id)) == NULL)
        continue;
      title = se_describe_title (store, record);
      g_ptr_array_add (dismissed, se_finding_new (rule, SE_SEVERITY_INFO, type, id, title));
    }
  return dismissed;
}

static GtkWidget *
dismissed_row (SeChecksPage *self,
               SeFinding    *finding)
{
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));
  Dismissal *d;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 se_check_rule_get_label (se_finding_get_rule (finding)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), se_finding_get_message (finding));
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_widget_set_name (restore, "restore");
  gtk_widget_set_tooltip_text (restore, _("Show this finding again"));
  gtk_widget_set_sensitive (restore, !se_store_is_read_only (store));
  d = g_new0 (Dismissal, 1);
  d->self = g_object_ref (self);
  d->rule = se_finding_get_rule (finding);
  d->type = se_finding_get_record_type (finding);
  d->id = se_finding_get_record_id (finding);
  g_object_set_data_full (G_OBJECT (restore), "se-dismissal", d, dismissal_free);
  g_signal_connect (restore, "clicked", G_CALLBACK (on_restore_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
  return row;
}

static GtkWidget *
heading_row (const char *text,
             gboolean    below_list)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "se-checks-heading");
  /* The spacing the box of the two lists had: 18 above the first
   * heading, 12 between heading and list, 24 from a list to the next */
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_top (label, below_list ? 24 : 18);
  return label;
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
        row = heading_row (text, FALSE);
        gtk_widget_set_name (row, "summary");
      }
      break;
    case ITEM_FINDING:
      row = finding_row (self, gtk_list_item_get_item (item));
      gtk_widget_add_css_class (row, "se-boxed-row");
      break;
    case ITEM_DISMISSED_TITLE:
      row = heading_row (_("Dismissed"), self->findings != NULL && self->findings->len > 0);
      break;
    case ITEM_DISMISSED:
      row = dismissed_row (self, gtk_list_item_get_item (item));
      gtk_widget_add_css_class (row, "se-boxed-row");
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

      open_record (self, se_finding_get_record_type (finding),
                   se_finding_get_record_id (finding));
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

  if (findings == NULL)
    {
      g_warning ("Checks failed: %s", error->message);
      findings = g_ptr_array_new_with_free_func (g_object_unref);
    }
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
      se_tool_page_cancel_work (page);
      set_checking (self, FALSE);
      show_findings (self, run_checks (se_tool_page_get_store (page), self->today, days));
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

/* Showing or hiding the dismissed findings does not change the others. */
static void
on_dismissed_toggled (GtkToggleButton *button,
                      SeChecksPage    *self)
{
  if (!self->has_run)
    return;
  g_clear_pointer (&self->dismissed, g_ptr_array_unref);
  self->dismissed = read_dismissed (self);
  show_items (self);
}

static void
build (SeChecksPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_scrollable_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set (self, "title", _("Checks"), NULL);
  self->dismissed_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->dismissed_button), "view-reveal-symbolic");
  gtk_widget_set_name (self->dismissed_button, "show-dismissed");
  gtk_widget_set_tooltip_text (self->dismissed_button, _("Show Dismissed Findings"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dismissed_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show Dismissed Findings"), -1);
  g_signal_connect (self->dismissed_button, "toggled", G_CALLBACK (on_dismissed_toggled), self);
  adw_header_bar_pack_end (se_tool_page_get_header_bar (SE_TOOL_PAGE (self)),
                           self->dismissed_button);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  self->items = g_object_new (SE_TYPE_CHECK_ITEMS, NULL);
  self->bound = g_ptr_array_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)))),
                                                 factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  g_signal_connect (self->list, "activate", G_CALLBACK (on_activate), self);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "se-findings");
  gtk_widget_set_name (GTK_WIDGET (self->list), "findings");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Findings"), -1);

  /* The list scrolls under the page's top edge: the margin there is the
   * first row's, so that it scrolls away with it. */
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 800);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Problems Found"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Overlapping placements, missing agreements, "
                                     "non-disclosure declarations and mentors, exceeded quotas "
                                     "and expiring agreements would be listed here."));

  /* Until the first run in the background is done */
  {
    GtkWidget *checking = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
    GtkWidget *label = gtk_label_new (_("Checking…"));

    self->spinner = gtk_spinner_new ();
    gtk_widget_set_size_request (self->spinner, 32, 32);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Checking…"), -1);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (GTK_BOX (checking), self->spinner);
    gtk_box_append (GTK_BOX (checking), label);
    gtk_widget_set_valign (checking, GTK_ALIGN_CENTER);
    gtk_widget_set_halign (checking, GTK_ALIGN_CENTER);
    gtk_stack_add_named (self->stack, checking, "checking");
  }
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
se_checks_page_dispose (GObject *object)
{
  SeChecksPage *self = SE_CHECKS_PAGE (object);

  se_tool_page_cancel_work (SE_TOOL_PAGE (self));
  g_clear_object (&self->settings);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->dismissed, g_ptr_array_unref);
  g_clear_object (&self->items);

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
  SeToolPageClass *page_class = SE_TOOL_PAGE_CLASS (klass);

  object_class->get_property = se_checks_page_get_property;
  object_class->dispose = se_checks_page_dispose;
  object_class->finalize = se_checks_page_finalize;
  page_class->refresh = se_checks_page_real_refresh;
  page_class->refresh_hidden = se_checks_page_refresh_hidden;

  properties[PROP_N_FINDINGS] =
    g_param_spec_uint ("n-findings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
se_checks_page_init (SeChecksPage *self)
{
  self->settings = g_settings_new (APP_ID);
  build (self);
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
 * Returns: (transfer none) (element-type SeFinding): the findings shown
 */
GPtrArray *
se_checks_page_get_findings (SeChecksPage *self)
{
  g_return_val_if_fail (SE_IS_CHECKS_PAGE (self), NULL);

  return self->findings;
}

/**
 * se_checks_page_dismiss:
 * @index: the finding's position on the page
 *
 * Dismisses a finding for its record, as its "Dismiss" button does: the
 * findings of its rule about its record go at once, and the checks run
 * again in the background.
 */
gboolean
se_checks_page_dismiss (SeChecksPage *self,
                        guint         index,
                        GError      **error)
{
  g_autoptr(SeFinding) finding = NULL;
  GPtrArray *kept;

  g_return_val_if_fail (SE_IS_CHECKS_PAGE (self), FALSE);
  g_return_val_if_fail (index < self->findings->len, FALSE);

  finding = g_object_ref (g_ptr_array_index (self->findings, index));
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
