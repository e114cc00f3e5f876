/* se-field-type.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

/**
 * SeFieldValue:
 *
 * How a record holds the value of a field. From it follow the GValue type
 * of its property, the store's column (see se_field_to_column()) and the
 * form of the value in CSV and JSON. Many field types share one: an email
 * address is held as text like a name.
 */
typedef enum
{
  SE_FIELD_VALUE_STRING,    /* gchararray, NULL when empty; TEXT column, NULL when empty */
  SE_FIELD_VALUE_INT,       /* gint; INTEGER column */
  SE_FIELD_VALUE_BOOLEAN,   /* gboolean; INTEGER column, 0 or 1 */
  SE_FIELD_VALUE_ENUM,      /* the field's enum type; TEXT column with the value's nick */
  SE_FIELD_VALUE_REFERENCE, /* gint64 row id, 0 for none; INTEGER column, NULL for none */
} SeFieldValue;

/**
 * SeFieldEditor:
 *
 * Which editor a form shows for a field, and how it shows the value when
 * it does not edit it.
 */
typedef enum
{
  SE_FIELD_EDITOR_ENTRY,     /* one line of text */
  SE_FIELD_EDITOR_TEXT_VIEW, /* several lines of text */
  SE_FIELD_EDITOR_DATE,      /* a date in the locale's format, with a calendar */
  SE_FIELD_EDITOR_SPIN,      /* a number, 0 shown as "None" */
  SE_FIELD_EDITOR_SWITCH,    /* yes or no */
  SE_FIELD_EDITOR_CHOICE,    /* one of the labels of the enum */
  SE_FIELD_EDITOR_PICKER,    /* a searchable list of the records it may point to */
  SE_FIELD_N_EDITORS
} SeFieldEditor;

typedef enum
{
  SE_FIELD_COLUMN_TEXT,
  SE_FIELD_COLUMN_INTEGER,
} SeFieldColumn;

/**
 * SeFieldTypeInfo:
 * @type: the field type this entry describes
 * @value: how a record holds the value
 * @editor: which editor a form shows
 * @free_text: whether a person types anything there: a CSV export then
 *   writes a value that a spreadsheet would run as a formula as text
 * @is_valid: for a text value, whether a text is in the form the record
 *   keeps (an ISO date, "09:30", ...); %NULL when every text is
 * @check: the rule a value that is set must satisfy, beyond the rules
 *   of every field (required, length, order); %NULL when there is none.
 *   Sets a #SE_VALIDATION_ERROR that says what to fix.
 * @parse: for a text value, reads a CSV cell (trimmed when @trim is set)
 *   into the form the record keeps; %NULL takes the text as it is. Sets a
 *   #SE_VALIDATION_ERROR naming @label when the text cannot be read.
 * @trim: whether a CSV import takes the spaces around the cell off
 * @format: for a text value, shows the kept form to a person (a date in
 *   the locale's format); %NULL shows it as it is
 *
 * What differs from one field type to the next, in one place; the record,
 * the store, the exchange formats and the form ask se_field_get_info()
 * instead of switching on the type.
 *
 * To add a field type: add it to #SeFieldType in se-record.h and its
 * entry to the table in se-field-type.c, choosing how it is held
 * (#SeFieldValue) and edited (#SeFieldEditor), and its rules. A type held
 * and edited like an existing one needs nothing else; a new #SeFieldValue
 * needs its column and its form in CSV and JSON (the `switch`es on
 * #SeFieldValue), a new #SeFieldEditor an entry in the form's editor table.
 */
typedef struct
{
  SeFieldType     type;
  SeFieldValue    value;
  SeFieldEditor   editor;
  gboolean        free_text;
  gboolean      (*is_valid) (const char    *text);
  gboolean      (*check)    (SeRecord      *record,
                             const SeField *field,
                             const GValue  *value,
                             GError       **error);
  char         *(*parse)    (const char    *text,
                             const char    *label,
                             GError       **error);
  gboolean        trim;
  char         *(*format)   (const char    *text);
} SeFieldTypeInfo;

const SeFieldTypeInfo *se_field_type_get_info (SeFieldType    type);
const SeFieldTypeInfo *se_field_get_info      (const SeField *field);

GParamSpec            *se_field_param_spec    (const SeField *field);
SeFieldColumn          se_field_get_column    (const SeField *field);
gboolean               se_field_to_column     (const SeField *field,
                                               SeRecord      *record,
                                               gint64        *number,
                                               const char   **text);
gboolean               se_field_from_column   (const SeField *field,
                                               GValue        *value,
                                               gint64         number,
                                               const char    *text);

G_END_DECLS
