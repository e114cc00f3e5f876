/* se-checks-rows.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-pages"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "se-pages-private.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-store-checks.h"

/* The templates (se-finding-row.ui, se-dismissed-row.ui,
 * se-checks-heading.ui) hold what every row has; what names the finding
 * and its records is set here: texts, the buttons' targets, and the
 * labels a screen reader says, which a template cannot hold. */

#define RESOURCE_PATH "/io/github/staffexchange/StaffExchange/"

/**
 * se_checks_record_key:
 *
 * Returns: (transfer full): "table:id", the target of checks.open
 */
char *
se_checks_record_key (GType  type,
                      gint64 id)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  return g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                          se_record_class_get_table (SE_RECORD_CLASS (klass)), id);
}

/**
 * se_checks_finding_key:
 *
 * Returns: (transfer full): the finding's dismissal key, the target of
 *   checks.dismiss and checks.restore
 */
char *
se_checks_finding_key (SeFinding *finding)
{
  return se_store_dismissal_key (se_finding_get_rule (finding),
                                 se_finding_get_record_table (finding),
                                 se_finding_get_record_id (finding));
}

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

/**
 * se_checks_parse_record_key:
 * @key: a key of se_checks_record_key()
 *
 * Returns: whether @key names a record; its kind and id are set then
 */
gboolean
se_checks_parse_record_key (const char *key,
                            GType      *type,
                            gint64     *id)
{
  const char *colon = strchr (key, ':');
  g_autofree char *table = NULL;

  if (colon == NULL)
    return FALSE;
  table = g_strndup (key, colon - key);
  *type = type_of_table (table);
  *id = g_ascii_strtoll (colon + 1, NULL, 10);
  return *type != G_TYPE_INVALID;
}

/**
 * se_checks_parse_finding_key:
 * @key: a key of se_checks_finding_key()
 *
 * Returns: whether @key names a finding; its rule, and its record's kind
 *   and id, are set then
 */
gboolean
se_checks_parse_finding_key (const char  *key,
                             SeCheckRule *rule,
                             GType       *type,
                             gint64      *id)
{
  const char *colon = strchr (key, ':');
  g_autofree char *nick = NULL;
  int value;

  if (colon == NULL)
    return FALSE;
  nick = g_strndup (key, colon - key);
  if (!se_enum_from_nick (SE_TYPE_CHECK_RULE, nick, &value))
    return FALSE;
  *rule = value;
  return se_checks_parse_record_key (colon + 1, type, id);
}

/* What a button says to a screen reader: it names the record */
static void
label_button (GtkWidget  *button,
              const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

/* A finding */

struct _SeFindingRow
{
  AdwActionRow  parent_instance;

  GtkImage     *icon;
  GtkWidget    *dismiss;
  GtkWidget    *related;
  GtkWidget    *open;
};

G_DEFINE_FINAL_TYPE (SeFindingRow, se_finding_row, ADW_TYPE_ACTION_ROW)

static void
se_finding_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SE_TYPE_FINDING_ROW);

  G_OBJECT_CLASS (se_finding_row_parent_class)->dispose (object);
}

static void
se_finding_row_class_init (SeFindingRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = se_finding_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "se-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SeFindingRow, icon);
  gtk_widget_class_bind_template_child (widget_class, SeFindingRow, dismiss);
  gtk_widget_class_bind_template_child (widget_class, SeFindingRow, related);
  gtk_widget_class_bind_template_child (widget_class, SeFindingRow, open);
}

static void
se_finding_row_init (SeFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

/**
 * se_finding_row_new:
 *
 * Returns: (transfer floating): the row of @finding: the rule, its
 *   sentence, Dismiss, and buttons that open its records
 */
GtkWidget *
se_finding_row_new (SeStore   *store,
                    SeFinding *finding)
{
  SeFindingRow *row = g_object_new (SE_TYPE_FINDING_ROW, NULL);
  SeSeverity severity = se_finding_get_severity (finding);
  g_autoptr(SeRecord) record = se_store_lookup (store, se_finding_get_record_type (finding),
                                                se_finding_get_record_id (finding));
  g_autofree char *title = record != NULL ? se_describe_title (store, record)
                                          : g_strdup ("");
  g_autofree char *key = se_checks_finding_key (finding);
  g_autofree char *target = se_checks_record_key (se_finding_get_record_type (finding),
                                                  se_finding_get_record_id (finding));
  g_autofree char *open_label = NULL;
  g_autofree char *dismiss_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 se_check_rule_get_label (se_finding_get_rule (finding)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), se_finding_get_message (finding));

  gtk_image_set_from_icon_name (row->icon, severity_icon (severity));
  gtk_widget_add_css_class (GTK_WIDGET (row->icon), severity_class (severity));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->icon), se_severity_get_label (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  se_severity_get_label (severity), -1);

  /* Translators: %s names the record a finding is about */
  dismiss_label = g_strdup_printf (_("Dismiss the finding about “%s”"), title);
  label_button (row->dismiss, dismiss_label);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->dismiss), "s", key);

  if (se_finding_get_related_id (finding) != 0)
    {
      g_autoptr(SeRecord) related = se_store_lookup (store, se_finding_get_related_type (finding),
                                                     se_finding_get_related_id (finding));
      if (related != NULL)
        {
          g_autofree char *rt = se_describe_title (store, related);
          /* Translators: %s names the second record a finding concerns */
          g_autofree char *other_label = g_strdup_printf (_("Open “%s”"), rt);
          g_autofree char *other = se_checks_record_key (se_finding_get_related_type (finding),
                                                         se_finding_get_related_id (finding));

          gtk_widget_set_tooltip_text (row->related, other_label);
          label_button (row->related, other_label);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row->related), "s", other);
          gtk_widget_set_visible (row->related, TRUE);
        }
    }

  /* Translators: %s names the record a finding is about */
  open_label = g_strdup_printf (_("Open “%s”"), title);
  gtk_widget_set_tooltip_text (row->open, open_label);
  label_button (row->open, open_label);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->open), "s", target);

  return GTK_WIDGET (row);
}

/* A dismissed finding */

struct _SeDismissedRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *restore;
};

G_DEFINE_FINAL_TYPE (SeDismissedRow, se_dismissed_row, ADW_TYPE_ACTION_ROW)

static void
se_dismissed_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SE_TYPE_DISMISSED_ROW);

  G_OBJECT_CLASS (se_dismissed_row_parent_class)->dispose (object);
}

static void
se_dismissed_row_class_init (SeDismissedRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = se_dismissed_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "se-dismissed-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SeDismissedRow, restore);
}

static void
se_dismissed_row_init (SeDismissedRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * se_dismissed_row_new:
 * @finding: a dismissal as a finding, the record's title as its message
 *
 * Returns: (transfer floating): its row, with Restore
 */
GtkWidget *
se_dismissed_row_new (SeFinding *finding)
{
  SeDismissedRow *row = g_object_new (SE_TYPE_DISMISSED_ROW, NULL);
  g_autofree char *key = se_checks_finding_key (finding);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 se_check_rule_get_label (se_finding_get_rule (finding)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), se_finding_get_message (finding));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->restore), "s", key);
  return GTK_WIDGET (row);
}

/* A heading */

struct _SeChecksHeading
{
  AdwBin    parent_instance;

  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (SeChecksHeading, se_checks_heading, ADW_TYPE_BIN)

static void
se_checks_heading_class_init (SeChecksHeadingClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* No gtk_widget_dispose_template(): the label is the bin's child, which
   * AdwBin lets go of itself */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "se-checks-heading.ui");
  gtk_widget_class_bind_template_child (widget_class, SeChecksHeading, label);
}

static void
se_checks_heading_init (SeChecksHeading *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * se_checks_heading_new:
 * @below_list: whether a list is above it, which sets it further apart
 *
 * Returns: (transfer floating): a heading of the page's lists
 */
GtkWidget *
se_checks_heading_new (const char *text,
                       gboolean    below_list)
{
  SeChecksHeading *heading = g_object_new (SE_TYPE_CHECKS_HEADING, NULL);

  gtk_label_set_text (heading->label, text);
  gtk_widget_set_margin_top (GTK_WIDGET (heading->label), below_list ? 24 : 18);
  return GTK_WIDGET (heading);
}
