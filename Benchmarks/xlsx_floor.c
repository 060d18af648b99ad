/*
 * The floor for the xlsx export benchmark: the least a program can do to write the same
 * 1,000,000 x 10 cells as `tunet export attendance-rows` -- the same SQL query over the same SQLite
 * file, the same cell types and number formats, libxlsxwriter in constant-memory mode, and nothing
 * else (no front sheet, no totals, no validation).
 *
 *   cc -O2 -o xlsx_floor Benchmarks/xlsx_floor.c -lxlsxwriter -lsqlite3
 *   xlsx_floor DATABASE OUTPUT.xlsx FROM TO
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

static const char *query =
    "SELECT p.organisation_number, pl.participant_code, a.reference, at.date, at.status, at.hours_tenths, at.transport_trips, "
    "       at.extra_day, at.day_price_ore, at.transport_ore "
    "FROM provider p CROSS JOIN placement pl ON pl.provider_id = p.id CROSS JOIN attendance at ON at.placement_id = pl.id "
    "JOIN agreement a ON a.id = pl.agreement_id WHERE at.date >= ? AND at.date <= ? "
    "ORDER BY p.organisation_number, pl.participant_code, at.date";

static const char *status_code(const char *status) {
    switch (status[0]) {
    case 'p': return "M";
    case 'c': return "AT";
    default: return status[7] == 'w' && status[8] == 'i' && status[11] == 'o' ? "FU" : "FM";
    }
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s DATABASE OUTPUT.xlsx FROM TO\n", argv[0]);
        return 64;
    }
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        return 66;
    }
    sqlite3_stmt *statement;
    if (sqlite3_prepare_v2(db, query, -1, &statement, NULL) != SQLITE_OK) {
        fprintf(stderr, "%s\n", sqlite3_errmsg(db));
        return 70;
    }
    sqlite3_bind_text(statement, 1, argv[3], -1, SQLITE_STATIC);
    sqlite3_bind_text(statement, 2, argv[4], -1, SQLITE_STATIC);

    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Oppmøterader");
    lxw_format *date = workbook_add_format(workbook);
    format_set_num_format(date, "dd.mm.yyyy");
    lxw_format *money = workbook_add_format(workbook);
    format_set_num_format(money, "#,##0.00\\ \"kr\"");
    const char *headers[] = {"Tilbyder", "Deltaker", "Avtale", "Dato", "Status", "Timer", "Skyss", "Ekstradag", "Dagbeløp", "Skyss (kr)"};
    for (int column = 0; column < 10; column++) worksheet_write_string(sheet, 0, column, headers[column], NULL);

    lxw_row_t row = 1;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        worksheet_write_string(sheet, row, 0, (const char *)sqlite3_column_text(statement, 0), NULL);
        worksheet_write_string(sheet, row, 1, (const char *)sqlite3_column_text(statement, 1), NULL);
        worksheet_write_string(sheet, row, 2, (const char *)sqlite3_column_text(statement, 2), NULL);
        const char *iso = (const char *)sqlite3_column_text(statement, 3);
        lxw_datetime day = {atoi(iso), atoi(iso + 5), atoi(iso + 8), 0, 0, 0};
        worksheet_write_datetime(sheet, row, 3, &day, date);
        worksheet_write_string(sheet, row, 4, status_code((const char *)sqlite3_column_text(statement, 4)), NULL);
        if (sqlite3_column_type(statement, 5) != SQLITE_NULL)
            worksheet_write_number(sheet, row, 5, sqlite3_column_int(statement, 5) / 10.0, NULL);
        if (sqlite3_column_type(statement, 6) != SQLITE_NULL)
            worksheet_write_number(sheet, row, 6, sqlite3_column_int(statement, 6), NULL);
        worksheet_write_string(sheet, row, 7, sqlite3_column_int(statement, 7) ? "ja" : "nei", NULL);
        worksheet_write_number(sheet, row, 8, sqlite3_column_int64(statement, 8) / 100.0, money);
        worksheet_write_number(sheet, row, 9, sqlite3_column_int64(statement, 9) / 100.0, money);
        row++;
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    if (workbook_close(workbook) != LXW_NO_ERROR) {
        fprintf(stderr, "could not write %s\n", argv[2]);
        return 73;
    }
    printf("%u rows\n", row - 1);
    return 0;
}
