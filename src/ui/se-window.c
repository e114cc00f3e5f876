/* se-window.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "se-agreement.h"
#include "se-describe.h"
#include "se-example-data.h"
#include "se-organisation.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-window.h"

/* The main window: a sidebar of sections, each a list of one kind of
 * record. It only observes the store's list models. */

typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
  GType     (*type) (void);
  const char *empty_title;
  const char *empty_description;
} Section;

static const Section sections[] = {
  { "partnerships", N_("Partnerships"), "emblem-shared-symbolic", se_partnership_get_type,
    N_("No Partnerships"),
    N_("Town twinnings, district partnerships and cooperations appear here.") },
  { "placements", N_("Placements"), "system-users-symbolic", se_placement_get_type,
    N_("No Placements"),
    N_("Hospitations, job swaps, virtual placements, delegation visits and working meetings "
       "appear here.") },
  { "agreements", N_("Agreements"), "document-edit-symbolic", se_agreement_get_type,
    N_("No Agreements"),
    N_("Cooperation agreements and non-disclosure declarations appear here.") },
  { "organisations", N_("Organisations"), "user-home-symbolic", se_organisation_get_type,
    N_("No Organisations"),
    N_("Cities, districts, job centres and their partners appear here.") },
  { "people", N_("People"), "avatar-default-symbolic", se_person_get_type,
    N_("No People"),
    N_("Participants, signatories and contacts appear here.") },
};

struct _SeWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  AdwStatusPage   *problem_page;
  AdwLeaflet      *leaflet;
  GtkWidget       *content;
  GtkListBox      *section_list;
  GtkStack        *section_stack;
  AdwWindowTitle  *content_title;

  GSettings       *settings;
  char            *path;
  SeStore         *store;
  GtkLabel        *count_labels[G_N_ELEMENTS (sections)];
  GtkStack        *section_pages[G_N_ELEMENTS (sections)];
};

G_DEFINE_FINAL_TYPE (SeWindow, se_window, ADW_TYPE_APPLICATION_WINDOW)

/* Orders */

static int
compare_placements (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  /* newest first */
  int c = g_strcmp0 (se_record_get_string ((SeRecord *) b, "start-date"),
                     se_record_get_string ((SeRecord *) a, "start-date"));
  return c != 0 ? c : (int) (se_record_get_id ((SeRecord *) b) - se_record_get_id ((SeRecord *) a));
}

static int
compare_agreements (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  /* by end of validity; open-ended last */
  const char *ua = se_record_get_string ((SeRecord *) a, "valid-until");
  const char *ub = se_record_get_string ((SeRecord *) b, "valid-until");

  if ((ua == NULL) != (ub == NULL))
    return ua == NULL ? 1 : -1;
  if (g_strcmp0 (ua, ub) != 0)
    return g_strcmp0 (ua, ub);
  return g_utf8_collate (se_record_get_string ((SeRecord *) a, "title"),
                         se_record_get_string ((SeRecord *) b, "title"));
}

static int
compare_titles (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  SeStore *store = user_data;
  g_autofree char *ta = se_describe_title (store, (SeRecord *) a);
  g_autofree char *tb = se_describe_title (store, (SeRecord *) b);

  return g_utf8_collate (ta, tb);
}

static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int c = g_utf8_collate (se_record_get_string ((SeRecord *) a, "family-name"),
                          se_record_get_string ((SeRecord *) b, "family-name"));
  if (c != 0)
    return c;
  return g_strcmp0 (se_record_get_string ((SeRecord *) a, "given-name"),
                    se_record_get_string ((SeRecord *) b, "given-name"));
}

static GtkSorter *
section_sorter (SeWindow      *self,
                const Section *section)
{
  GType type = section->type ();

  if (type == SE_TYPE_PLACEMENT)
    return GTK_SORTER (gtk_custom_sorter_new (compare_placements, NULL, NULL));
  if (type == SE_TYPE_AGREEMENT)
    return GTK_SORTER (gtk_custom_sorter_new (compare_agreements, NULL, NULL));
  if (type == SE_TYPE_PERSON)
    return GTK_SORTER (gtk_custom_sorter_new (compare_people, NULL, NULL));
  return GTK_SORTER (gtk_custom_sorter_new (compare_titles, g_object_ref (self->store),
                                            g_object_unref));
}

/* Rows */

static void
update_row (GtkListItem *item)
{
  SeWindow *self = g_object_get_data (G_OBJECT (item), "se-window");
  SeRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *t = NULL;
  g_autofree char *s = NULL;

  if (record == NULL || self->store == NULL)
    return;

  t = se_describe_title (self->store, record);
  s = se_describe_subtitle (self->store, record);
  gtk_label_set_text (GTK_LABEL (title), t);
  gtk_label_set_text (GTK_LABEL (subtitle), s);
  gtk_widget_set_visible (subtitle, *s != '\0');
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SeWindow                 *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "record-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);

  g_object_set_data (G_OBJECT (item), "se-window", self);
  gtk_list_item_set_child (item, box);
}

static void
on_record_notify (SeRecord    *record,
                  GParamSpec  *pspec,
                  GtkListItem *item)
{
  update_row (item);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SeWindow                 *self)
{
  g_signal_connect_object (gtk_list_item_get_item (item), "notify",
                           G_CALLBACK (on_record_notify), item, 0);
  update_row (item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            SeWindow                 *self)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_record_notify, item);
}

/* Sections */

static void
update_counts (SeWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GListModel *list = se_store_get_list (self->store, sections[i].type ());
      guint n = g_list_model_get_n_items (list);
      g_autofree char *text = g_strdup_printf ("%u", n);

      gtk_label_set_text (self->count_labels[i], text);
      gtk_stack_set_visible_child_name (self->section_pages[i], n > 0 ? "list" : "empty");
    }

  gtk_stack_set_visible_child_name (self->main_stack,
                                    se_store_is_empty (self->store) ? "welcome" : "browser");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-example-data",
                                 se_store_is_empty (self->store)
                                 && !se_store_is_read_only (self->store));
}

static GtkWidget *
build_section_page (SeWindow      *self,
                    guint          index)
{
  const Section *section = &sections[index];
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  GListModel *list = se_store_get_list (self->store, section->type ());
  GtkSortListModel *sorted = gtk_sort_list_model_new (g_object_ref (list),
                                                      section_sorter (self, section));
  GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view, *scrolled, *empty;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_widget_add_css_class (view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(section->title), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), section->icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _(section->empty_title));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _(section->empty_description));

  gtk_stack_add_named (stack, scrolled, "list");
  gtk_stack_add_named (stack, empty, "empty");
  self->section_pages[index] = stack;

  g_signal_connect_object (list, "items-changed", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (stack);
}

static GtkWidget *
build_section_row (SeWindow *self,
                   guint     index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (sections[index].icon);
  GtkWidget *label = gtk_label_new (_(sections[index].title));
  GtkWidget *count = gtk_label_new ("0");

  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "section-count");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, sections[index].name);
  self->count_labels[index] = GTK_LABEL (count);

  return row;
}

static int
find_section (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return (int) i;
  return -1;
}

/**
 * se_window_show_section:
 * @self: a window
 * @section: "partnerships", "placements", "agreements", "organisations" or "people"
 *
 * Shows the list of @section; on a narrow window, goes to it.
 */
void
se_window_show_section (SeWindow   *self,
                        const char *section)
{
  int i = find_section (section);

  g_return_if_fail (SE_IS_WINDOW (self));

  if (i < 0)
    i = 1;

  gtk_list_box_select_row (self->section_list,
                           gtk_list_box_get_row_at_index (self->section_list, i));
  gtk_stack_set_visible_child_name (self->section_stack, sections[i].name);
  adw_window_title_set_title (self->content_title, _(sections[i].title));
  g_settings_set_string (self->settings, "last-section", sections[i].name);
}

static void
on_section_activated (GtkListBox    *list,
                      GtkListBoxRow *row,
                      SeWindow      *self)
{
  se_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Actions */

static void
show_sections_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
load_example_data_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!se_example_data_load (self->store, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Example data loaded")));
}

/* Set-up */

static void
open_store (SeWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  self->store = se_store_open (self->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  if (self->store == NULL)
    {
      adw_status_page_set_description (self->problem_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "problem");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-example-data", FALSE);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      gtk_list_box_append (self->section_list, build_section_row (self, i));
      gtk_stack_add_named (self->section_stack, build_section_page (self, i), sections[i].name);
    }

  update_counts (self);
  last = g_settings_get_string (self->settings, "last-section");
  se_window_show_section (self, last);
}

static void
se_window_constructed (GObject *object)
{
  SeWindow *self = SE_WINDOW (object);

  G_OBJECT_CLASS (se_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
se_window_dispose (GObject *object)
{
  SeWindow *self = SE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_WINDOW);

  G_OBJECT_CLASS (se_window_parent_class)->dispose (object);
}

static void
se_window_finalize (GObject *object)
{
  SeWindow *self = SE_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (se_window_parent_class)->finalize (object);
}

static void
se_window_class_init (SeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = se_window_constructed;
  object_class->dispose = se_window_dispose;
  object_class->finalize = se_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, content);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, section_list);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, content_title);

  gtk_widget_class_install_action (widget_class, "win.show-sections", NULL,
                                   show_sections_activated);
  gtk_widget_class_install_action (widget_class, "win.load-example-data", NULL,
                                   load_example_data_activated);
}

static void
se_window_init (SeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect (self->section_list, "row-activated", G_CALLBACK (on_section_activated),
                    self);
}

/**
 * se_window_new:
 * @application: the application
 * @path: the database file to open
 *
 * Returns: (transfer none): a new window showing the database at @path, or
 *   why it cannot be opened
 */
SeWindow *
se_window_new (GtkApplication *application,
               const char     *path)
{
  SeWindow *self = g_object_new (SE_TYPE_WINDOW, "application", application, NULL);

  self->path = g_strdup (path);
  open_store (self);
  return self;
}

/**
 * se_window_get_page:
 *
 * Returns: what the window shows: "problem" when the database could not be
 *   opened, "welcome" when it is empty, "browser" otherwise
 */
const char *
se_window_get_page (SeWindow *self)
{
  g_return_val_if_fail (SE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
se_window_get_path (SeWindow *self)
{
  g_return_val_if_fail (SE_IS_WINDOW (self), NULL);

  return self->path;
}

/**
 * se_window_get_store:
 *
 * Returns: (transfer none) (nullable): the open store, %NULL if the file
 *   could not be opened
 */
SeStore *
se_window_get_store (SeWindow *self)
{
  g_return_val_if_fail (SE_IS_WINDOW (self), NULL);

  return self->store;
}
