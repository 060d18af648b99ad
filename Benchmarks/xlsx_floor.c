/*
 * The floor for the xlsx export benchmark: the least a program can do to write the same
 * 1,000,000 x 10 cells as `tunet export attendance-rows` -- the same SQL query over the same SQLite
 * file, the same cell types, texts (the statuses in bokmål words, the header row with its style) and
 * number formats, libxlsxwriter in constant-memory mode, and nothing else (no front sheet, no totals,
 * no validation). `Benchmarks/run` checks that its data rows are Tunet's, cell by cell.
 *
 * With a fifth argument `cells`, the second floor (issue #27): the rows are first read into memory,
 * then the clock starts, and only the writing of the same cells is timed and printed ("write 8.12 s"):
 * what libxlsxwriter needs for these cells without reading any database.
 *
 *   cc -O2 -o xlsx_floor Benchmarks/xlsx_floor.c -lxlsxwriter -lsqlite3
 *   xlsx_floor DATABASE OUTPUT.xlsx FROM TO [cells]
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

/* One row's cells as read, for the floor that writes without reading. */
struct row {
    char *farm, *participant, *reference;
    lxw_datetime day;
    const char *status;
    int has_hours, has_trips, extra;
    double hours, trips, price, transport;
};

static const char *query =
    "SELECT p.organisation_number, pl.participant_code, a.reference, at.date, at.status, at.hours_tenths, at.transport_trips, "
    "       at.extra_day, at.day_price_ore, at.transport_ore "
    "FROM provider p CROSS JOIN placement pl ON pl.provider_id = p.id CROSS JOIN attendance at ON at.placement_id = pl.id "
    "JOIN agreement a ON a.id = pl.agreement_id WHERE at.date >= ? AND at.date <= ? "
    "ORDER BY p.organisation_number, pl.participant_code, at.date";

/* A stored status as the bokmål export shows it (Tunet's catalogue, label.attendance_status.*). */
static const char *status_word(const char *status) {
    switch (status[0]) {
    case 'p': return "møtt";
    case 'c': return "avlyst av tilbyder";
    default: return status[7] == 'w' && status[8] == 'i' && status[11] == 'o' ? "fravær umeldt" : "fravær meldt";
    }
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void write_row(lxw_worksheet *sheet, lxw_row_t row, const struct row *r, lxw_format *date, lxw_format *money) {
    worksheet_write_string(sheet, row, 0, r->farm, NULL);
    worksheet_write_string(sheet, row, 1, r->participant, NULL);
    worksheet_write_string(sheet, row, 2, r->reference, NULL);
    worksheet_write_datetime(sheet, row, 3, (lxw_datetime *)&r->day, date);
    worksheet_write_string(sheet, row, 4, r->status, NULL);
    if (r->has_hours) worksheet_write_number(sheet, row, 5, r->hours, NULL);
    if (r->has_trips) worksheet_write_number(sheet, row, 6, r->trips, NULL);
    worksheet_write_string(sheet, row, 7, r->extra ? "ja" : "nei", NULL);
    worksheet_write_number(sheet, row, 8, r->price, money);
    worksheet_write_number(sheet, row, 9, r->transport, money);
}

/* The current result row's cells; with `keep`, its texts copied to outlive the statement's step. */
static struct row read_row(sqlite3_stmt *statement, int keep) {
    struct row r;
    const char *farm = (const char *)sqlite3_column_text(statement, 0);
    const char *participant = (const char *)sqlite3_column_text(statement, 1);
    const char *reference = (const char *)sqlite3_column_text(statement, 2);
    r.farm = keep ? strdup(farm) : (char *)farm;
    r.participant = keep ? strdup(participant) : (char *)participant;
    r.reference = keep ? strdup(reference) : (char *)reference;
    const char *iso = (const char *)sqlite3_column_text(statement, 3);
    lxw_datetime day = {atoi(iso), atoi(iso + 5), atoi(iso + 8), 0, 0, 0};
    r.day = day;
    r.status = status_word((const char *)sqlite3_column_text(statement, 4));
    r.has_hours = sqlite3_column_type(statement, 5) != SQLITE_NULL;
    r.hours = sqlite3_column_int(statement, 5) / 10.0;
    r.has_trips = sqlite3_column_type(statement, 6) != SQLITE_NULL;
    r.trips = sqlite3_column_int(statement, 6);
    r.extra = sqlite3_column_int(statement, 7);
    r.price = sqlite3_column_int64(statement, 8) / 100.0;
    r.transport = sqlite3_column_int64(statement, 9) / 100.0;
    return r;
}

int main(int argc, char **argv) {
    if (argc != 5 && !(argc == 6 && strcmp(argv[5], "cells") == 0)) {
        fprintf(stderr, "usage: %s DATABASE OUTPUT.xlsx FROM TO [cells]\n", argv[0]);
        return 64;
    }
    int cells_only = argc == 6;
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

    struct row *rows = NULL;
    size_t count = 0, capacity = 0;
    if (cells_only) {
        while (sqlite3_step(statement) == SQLITE_ROW) {
            if (count == capacity) {
                capacity = capacity ? capacity * 2 : 1 << 16;
                rows = realloc(rows, capacity * sizeof *rows);
            }
            rows[count++] = read_row(statement, 1);
        }
    }
    double started = now();

    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Oppmøterader");
    lxw_format *date = workbook_add_format(workbook);
    format_set_num_format(date, "dd.mm.yyyy");
    lxw_format *money = workbook_add_format(workbook);
    format_set_num_format(money, "#,##0.00\\ \"kr\"");
    lxw_format *header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_pattern(header, LXW_PATTERN_SOLID);
    format_set_bg_color(header, 0xDDEBF7);
    format_set_text_wrap(header);
    const char *headers[] = {"Tilbyder", "Deltaker", "Avtale", "Dato", "Tilstand", "Timer", "Turer", "Ekstra", "Dag", "Skyss"};
    worksheet_set_row(sheet, 0, 33, NULL);
    for (int column = 0; column < 10; column++) worksheet_write_string(sheet, 0, column, headers[column], header);

    lxw_row_t row = 1;
    if (cells_only) {
        for (size_t index = 0; index < count; index++) write_row(sheet, row++, &rows[index], date, money);
    } else {
        while (sqlite3_step(statement) == SQLITE_ROW) {
            struct row r = read_row(statement, 0);
            write_row(sheet, row++, &r, date, money);
        }
    }
    if (workbook_close(workbook) != LXW_NO_ERROR) {
        fprintf(stderr, "could not write %s\n", argv[2]);
        return 73;
    }
    double written = now();
    sqlite3_finalize(statement);
    sqlite3_close(db);
    printf("%u rows\n", row - 1);
    if (cells_only) printf("write %.3f s\n", written - started);
    return 0;
}
