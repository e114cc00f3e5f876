/* se-field-type.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-records"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "se-date.h"
#include "se-enums.h"
#include "se-error.h"
#include "se-field-type.h"

/* The behaviour of each field type, in one table: how a record holds the
 * value, how the store keeps it, which rules it must satisfy, how a CSV
 * file writes it and a form edits it. See SeFieldTypeInfo in the header
 * for how to add a type. */

/* Rules */

static gboolean
is_valid_email (const char *s)
{
  const char *at = strchr (s, '@');
  const char *dot;

  if (at == NULL || at == s || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (g_ascii_isspace (*p))
      return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gboolean
is_valid_country (const char *s)
{
  return strlen (s) == 2 && g_ascii_isupper (s[0]) && g_ascii_isupper (s[1]);
}

static gboolean
is_valid_website (const char *s)
{
  if (strchr (s, ' ') != NULL || strchr (s, '.') == NULL)
    return FALSE;
  if (strstr (s, "://") != NULL)
    return g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://");
  return TRUE;
}

/* The text rules pass an empty value: whether one may be empty is the
 * rule of the field (required), not of its type. */
static gboolean
check_date (SeRecord      *record,
            const SeField *field,
            const GValue  *value,
            GError       **error)
{
  const char *s = g_value_get_string (value);

  if (s == NULL || se_date_is_valid (s))
    return TRUE;
  /* Translators: %s is the name of a field */
  g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_INVALID_DATE,
               _("“%s” is not a valid date. Enter a date such as 06.07.2023."),
               se_field_get_label (field));
  return FALSE;
}

static gboolean
check_partial_date (SeRecord      *record,
                    const SeField *field,
                    const GValue  *value,
                    GError       **error)
{
  const char *s = g_value_get_string (value);

  if (s == NULL || se_partial_date_is_valid (s))
    return TRUE;
  /* Translators: %s is the name of a field */
  g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_INVALID_DATE,
               _("“%s” is not a valid date. Enter a year such as 1949 or a "
                 "date such as 06.07.2023."), se_field_get_label (field));
  return FALSE;
}

static gboolean
check_time (SeRecord      *record,
            const SeField *field,
            const GValue  *value,
            GError       **error)
{
  const char *s = g_value_get_string (value);

  if (s == NULL || se_time_is_valid (s))
    return TRUE;
  /* Translators: %s is the name of a field */
  g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_INVALID_TIME,
               _("“%s” is not a valid time. Enter a time such as 09:30."),
               se_field_get_label (field));
  return FALSE;
}

static gboolean
check_email (SeRecord      *record,
             const SeField *field,
             const GValue  *value,
             GError       **error)
{
  const char *s = g_value_get_string (value);

  if (s == NULL || is_valid_email (s))
    return TRUE;
  g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_INVALID_EMAIL,
               _("“%s” is not an email address. Enter an address such as "
                 "name@example.org."), se_field_get_label (field));
  return FALSE;
}

static gboolean
check_country (SeRecord      *record,
               const SeField *field,
               const GValue  *value,
               GError       **error)
{
  const char *s = g_value_get_string (value);

  if (s == NULL || is_valid_country (s))
    return TRUE;
  g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_INVALID_COUNTRY,
               _("“%s” must be a two-letter country code such as DE or GB."),
               se_field_get_label (field));
  return FALSE;
}

static gboolean
check_website (SeRecord      *record,
               const SeField *field,
               const GValue  *value,
               GError       **error)
{
  const char *s = g_value_get_string (value);

  if (s == NULL || is_valid_website (s))
    return TRUE;
  g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_INVALID_WEBSITE,
               _("“%s” is not a web address. Enter an address such as "
                 "www.example.org."), se_field_get_label (field));
  return FALSE;
}

static gboolean
check_int (SeRecord      *record,
           const SeField *field,
           const GValue  *value,
           GError       **error)
{
  if (g_value_get_int (value) >= 0)
    return TRUE;
  g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_NEGATIVE_NUMBER,
               _("“%s” cannot be negative. Enter 0 or more."), se_field_get_label (field));
  return FALSE;
}

static gboolean
check_enum (SeRecord      *record,
            const SeField *field,
            const GValue  *value,
            GError       **error)
{
  g_autoptr(GEnumClass) eclass = g_type_class_ref (field->target ());

  if (g_enum_get_value (eclass, g_value_get_enum (value)) != NULL)
    return TRUE;
  g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_INVALID_CHOICE,
               _("“%s” has a value that is not one of the choices. "
                 "Pick one from the list."), se_field_get_label (field));
  return FALSE;
}

static gboolean
check_reference (SeRecord      *record,
                 const SeField *field,
                 const GValue  *value,
                 GError       **error)
{
  if (field->target == NULL || field->target () != G_OBJECT_TYPE (record)
      || se_record_get_id (record) == 0
      || g_value_get_int64 (value) != se_record_get_id (record))
    return TRUE;
  g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_SELF_REFERENCE,
               _("“%s” cannot be the record itself. Pick another one."),
               se_field_get_label (field));
  return FALSE;
}

/* Reading CSV cells */

/* "2023-07-06", "06.07.2023" or "6.7.2023" */
static char *
scan_date (const char *text)
{
  unsigned d, m, y;
  int consumed = 0;

  if (se_date_is_valid (text))
    return g_strdup (text);

  if (sscanf (text, "%2u.%2u.%4u%n", &d, &m, &y, &consumed) == 3
      && (gsize) consumed == strlen (text) && y >= 1000 && y <= 9999
      && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return g_strdup_printf ("%04u-%02u-%02u", y, m, d);

  return NULL;
}

/* A whole date, or "1949", "1992-05", "05.1992" */
static char *
scan_partial_date (const char *text)
{
  unsigned m, y;
  int consumed = 0;
  char *date = scan_date (text);

  if (date != NULL)
    return date;
  if (se_partial_date_is_valid (text))
    return g_strdup (text);
  if (sscanf (text, "%2u.%4u%n", &m, &y, &consumed) == 2
      && (gsize) consumed == strlen (text) && y >= 1000 && y <= 9999 && m >= 1 && m <= 12)
    return g_strdup_printf ("%04u-%02u", y, m);
  return NULL;
}

/* "9:30", "09:30", "09:30:00" (as spreadsheets write times) */
static char *
scan_time (const char *text)
{
  unsigned h, m, s = 0;
  int consumed = 0;
  gsize len = strlen (text);
  char *hhmm;

  if (sscanf (text, "%2u:%2u%n", &h, &m, &consumed) != 2)
    return NULL;
  if ((gsize) consumed != len)
    {
      int more = 0;

      if (sscanf (text + consumed, ":%2u%n", &s, &more) != 1
          || (gsize) (consumed + more) != len || s != 0)
        return NULL;
    }
  hhmm = g_strdup_printf ("%02u:%02u", h, m);
  if (!se_time_is_valid (hhmm))
    g_clear_pointer (&hhmm, g_free);
  return hhmm;
}

static void
set_not_a_date (GError    **error,
                const char *label,
                const char *text)
{
  /* Translators: %1$s names a column, %2$s is the value in the file */
  g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_INVALID_DATE,
               _("“%1$s” is not a date: “%2$s”. Write dates as 2023-07-06 or "
                 "06.07.2023."), label, text);
}

static char *
parse_date (const char  *text,
            const char  *label,
            GError     **error)
{
  char *value = scan_date (text);

  if (value == NULL)
    set_not_a_date (error, label, text);
  return value;
}

static char *
parse_partial_date (const char  *text,
                    const char  *label,
                    GError     **error)
{
  char *value = scan_partial_date (text);

  if (value == NULL)
    set_not_a_date (error, label, text);
  return value;
}

static char *
parse_time (const char  *text,
            const char  *label,
            GError     **error)
{
  char *value = scan_time (text);

  if (value == NULL)
    /* Translators: %1$s names a column, %2$s is the value in the file */
    g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_INVALID_TIME,
                 _("“%1$s” is not a time: “%2$s”. Write times as 09:30."), label, text);
  return value;
}

static char *
parse_country (const char  *text,
               const char  *label,
               GError     **error)
{
  return g_ascii_strup (text, -1);
}

/* Spreadsheets may end the lines within a cell with CRLF. */
static char *
parse_free_text (const char  *text,
                 const char  *label,
                 GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (strstr (text, "\r\n") == NULL)
    return g_strdup (text);
  parts = g_strsplit (text, "\r\n", -1);
  return g_strjoinv ("\n", parts);
}

/* The table */

static const SeFieldTypeInfo field_types[] = {
  [SE_FIELD_TEXT] = {
    .type = SE_FIELD_TEXT, .value = SE_FIELD_VALUE_STRING, .editor = SE_FIELD_EDITOR_ENTRY,
    .free_text = TRUE, .parse = parse_free_text,
  },
  [SE_FIELD_LONG_TEXT] = {
    .type = SE_FIELD_LONG_TEXT, .value = SE_FIELD_VALUE_STRING,
    .editor = SE_FIELD_EDITOR_TEXT_VIEW, .free_text = TRUE, .parse = parse_free_text,
  },
  [SE_FIELD_INT] = {
    .type = SE_FIELD_INT, .value = SE_FIELD_VALUE_INT, .editor = SE_FIELD_EDITOR_SPIN,
    .check = check_int,
  },
  [SE_FIELD_BOOLEAN] = {
    .type = SE_FIELD_BOOLEAN, .value = SE_FIELD_VALUE_BOOLEAN,
    .editor = SE_FIELD_EDITOR_SWITCH,
  },
  [SE_FIELD_DATE] = {
    .type = SE_FIELD_DATE, .value = SE_FIELD_VALUE_STRING, .editor = SE_FIELD_EDITOR_DATE,
    .is_valid = se_date_is_valid, .check = check_date, .parse = parse_date, .trim = TRUE,
    .format = se_date_format,
  },
  [SE_FIELD_PARTIAL_DATE] = {
    .type = SE_FIELD_PARTIAL_DATE, .value = SE_FIELD_VALUE_STRING,
    .editor = SE_FIELD_EDITOR_DATE, .is_valid = se_partial_date_is_valid,
    .check = check_partial_date, .parse = parse_partial_date, .trim = TRUE,
    .format = se_date_format,
  },
  [SE_FIELD_TIME] = {
    .type = SE_FIELD_TIME, .value = SE_FIELD_VALUE_STRING, .editor = SE_FIELD_EDITOR_ENTRY,
    .is_valid = se_time_is_valid, .check = check_time, .parse = parse_time, .trim = TRUE,
  },
  [SE_FIELD_ENUM] = {
    .type = SE_FIELD_ENUM, .value = SE_FIELD_VALUE_ENUM, .editor = SE_FIELD_EDITOR_CHOICE,
    .check = check_enum,
  },
  [SE_FIELD_REFERENCE] = {
    .type = SE_FIELD_REFERENCE, .value = SE_FIELD_VALUE_REFERENCE,
    .editor = SE_FIELD_EDITOR_PICKER, .check = check_reference,
  },
  [SE_FIELD_EMAIL] = {
    .type = SE_FIELD_EMAIL, .value = SE_FIELD_VALUE_STRING, .editor = SE_FIELD_EDITOR_ENTRY,
    .free_text = TRUE, .is_valid = is_valid_email, .check = check_email, .trim = TRUE,
  },
  [SE_FIELD_COUNTRY] = {
    .type = SE_FIELD_COUNTRY, .value = SE_FIELD_VALUE_STRING, .editor = SE_FIELD_EDITOR_ENTRY,
    .is_valid = is_valid_country, .check = check_country, .parse = parse_country,
    .trim = TRUE,
  },
  [SE_FIELD_WEBSITE] = {
    .type = SE_FIELD_WEBSITE, .value = SE_FIELD_VALUE_STRING, .editor = SE_FIELD_EDITOR_ENTRY,
    .free_text = TRUE, .is_valid = is_valid_website, .check = check_website, .trim = TRUE,
  },
};

/**
 * se_field_type_get_info:
 * @type: a field type
 *
 * Returns: (transfer none): what is particular to @type
 */
const SeFieldTypeInfo *
se_field_type_get_info (SeFieldType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (field_types), &field_types[SE_FIELD_TEXT]);
  /* A type missing from the table would be all zeros: a text entry. */
  g_assert (field_types[type].type == type);

  return &field_types[type];
}

const SeFieldTypeInfo *
se_field_get_info (const SeField *field)
{
  return se_field_type_get_info (field->type);
}

/* Values */

/**
 * se_field_param_spec:
 * @field: a field
 *
 * Returns: (transfer floating): the property that holds @field's value
 */
GParamSpec *
se_field_param_spec (const SeField *field)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (se_field_get_info (field)->value)
    {
    case SE_FIELD_VALUE_INT:
      return g_param_spec_int (field->name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
    case SE_FIELD_VALUE_BOOLEAN:
      return g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);
    case SE_FIELD_VALUE_ENUM:
      {
        GType type = field->target ();
        g_autoptr(GEnumClass) eclass = g_type_class_ref (type);
        return g_param_spec_enum (field->name, NULL, NULL, type, eclass->minimum, flags);
      }
    case SE_FIELD_VALUE_REFERENCE:
      return g_param_spec_int64 (field->name, NULL, NULL, 0, G_MAXINT64, 0, flags);
    case SE_FIELD_VALUE_STRING:
      return g_param_spec_string (field->name, NULL, NULL, NULL, flags);
    default:
      g_assert_not_reached ();
    }
}

/* The store's columns */

/**
 * se_field_get_column:
 *
 * Returns: the type of the store's column for @field
 */
SeFieldColumn
se_field_get_column (const SeField *field)
{
  SeFieldValue value = se_field_get_info (field)->value;

  return value == SE_FIELD_VALUE_STRING || value == SE_FIELD_VALUE_ENUM
         ? SE_FIELD_COLUMN_TEXT : SE_FIELD_COLUMN_INTEGER;
}

/**
 * se_field_to_column:
 * @field: a field of @record
 * @record: a record
 * @number: (out): the column's number, for an integer column
 * @text: (out) (transfer none): the column's text, for a text column;
 *   valid while @record does not change
 *
 * Returns: %FALSE when the column is NULL: no text, no reference
 */
gboolean
se_field_to_column (const SeField  *field,
                    SeRecord       *record,
                    gint64         *number,
                    const char    **text)
{
  *number = 0;
  *text = NULL;

  switch (se_field_get_info (field)->value)
    {
    case SE_FIELD_VALUE_INT:
    case SE_FIELD_VALUE_BOOLEAN:
      *number = se_record_get_int (record, field->name);
      return TRUE;
    case SE_FIELD_VALUE_ENUM:
      *text = se_enum_get_nick (field->target (), se_record_get_int (record, field->name));
      return *text != NULL;
    case SE_FIELD_VALUE_REFERENCE:
      *number = se_record_get_reference (record, field->name);
      return *number != 0;
    case SE_FIELD_VALUE_STRING:
    default:
      *text = se_record_get_string (record, field->name);
      return *text != NULL;
    }
}

/**
 * se_field_from_column:
 * @field: a field
 * @value: the record's value for @field, of its property's type
 * @number: the column's number, for an integer column
 * @text: (nullable): the column's text, for a text column
 *
 * Sets @value from what the store's column holds.
 *
 * Returns: %FALSE, leaving @value alone, when the column holds what the
 *   field cannot (a damaged file may hold anything)
 */
gboolean
se_field_from_column (const SeField *field,
                      GValue        *value,
                      gint64         number,
                      const char    *text)
{
  switch (se_field_get_info (field)->value)
    {
    case SE_FIELD_VALUE_INT:
      g_value_set_int (value, (int) number);
      return TRUE;
    case SE_FIELD_VALUE_BOOLEAN:
      g_value_set_boolean (value, (int) number != 0);
      return TRUE;
    case SE_FIELD_VALUE_ENUM:
      {
        int v;

        if (!se_enum_from_nick (field->target (), text, &v))
          return FALSE;
        g_value_set_enum (value, v);
      }
      return TRUE;
    case SE_FIELD_VALUE_REFERENCE:
      /* The property's range */
      if (number < 0)
        return FALSE;
      g_value_set_int64 (value, number);
      return TRUE;
    case SE_FIELD_VALUE_STRING:
    default:
      /* An empty text is no text, as the property setter has it. */
      g_value_set_string (value, text != NULL && *text != '\0' ? text : NULL);
      return TRUE;
    }
}
