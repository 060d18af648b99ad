import Foundation
import Testing

@Suite("The attendance template, filled in by another program and sent back")
struct AttendanceTemplateTests {
    static let bokmal = AttendanceCommandTests.today.merging(["TUNET_LANG": "nb"]) { $1 }

    @Test("Write the template in bokmål, fill it in with openpyxl as a farm would, and import it")
    func roundTrip() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let written = try tunet.run(["attendance", "template", "--provider", "974760673", "--month", "2026-05", "-o", "mai.xlsx"],
                                    environment: Self.bokmal)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "Skrev mai.xlsx: 10 planlagte deltakerdager for 974760673 i mai 2026.\n")
        let fill = """
            import openpyxl, datetime
            wb = openpyxl.load_workbook('mai.xlsx')
            assert wb.sheetnames == ['Veiledning', 'Oppmøte'], wb.sheetnames
            assert wb['Veiledning']['A1'].value == 'Oppmøteliste for Lia gård (974 760 673), mai 2026', wb['Veiledning']['A1'].value
            ws = wb['Oppmøte']
            assert [c.value for c in ws[1]] == ['Organisasjonsnummer', 'Deltaker', 'Dato', 'Ukedag', 'Oppmøte', 'Timer', 'Turer', 'Ekstra'], \
                [c.value for c in ws[1]]
            assert ws['D2'].value == 'man', ws['D2'].value
            assert ws.protection.sheet, 'the sheet is not protected'
            assert ws['B2'].protection.locked and not ws['E2'].protection.locked
            assert isinstance(ws['C2'].value, datetime.datetime), ws['C2'].value
            status, extra = ws.data_validations.dataValidation
            assert status.formula1 == '"M,FM,FU,AT"' and status.promptTitle == 'Oppmøte', (status.formula1, status.promptTitle)
            assert status.prompt == 'M = møtt, FM = fravær meldt, FU = fravær umeldt, AT = avlyst av tilbyder', status.prompt
            assert extra.formula1 == '"ja,nei"' and extra.promptTitle == 'Ekstra dag', (extra.formula1, extra.promptTitle)
            statuses = {4: 'M', 7: 'M', 11: 'FU', 18: 'M', 21: 'FM', 28: 'AT', 6: 'M', 13: 'M', 20: 'FU', 27: 'M'}
            for row in ws.iter_rows(min_row=2, max_row=11):
                row[4].value = statuses[row[2].value.day]
            wb.save('mai-utfylt.xlsx')
            print('filled')
            """
        let python = try Python.run(fill, in: tunet.folder)
        #expect(python.status == 0, "openpyxl (installed by scripts/test) failed: \(python.output)")
        let imported = try tunet.run(["attendance", "import", "mai-utfylt.xlsx"], environment: Self.bokmal)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "Importerte 10 rader fra mai-utfylt.xlsx for 974760673 (mai 2026): 10 nye, 0 endret, 0 uendret.\n")
        let basis = try tunet.json(try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-05", "--json"],
                                                 environment: AttendanceCommandTests.today)) as? [String: Any]
        #expect(basis?["total_ore"] as? Int == 967_500)   // the same hand-checked month as the CSV example

        let workbook = try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-05", "-o", "faktura.xlsx"],
                                     environment: Self.bokmal)
        #expect(workbook.status == 0, "\(workbook.stderr)")
        let check = """
            import openpyxl
            ws = openpyxl.load_workbook('faktura.xlsx')['Fakturagrunnlag']
            total = ws.cell(row=ws.max_row, column=14)
            assert total.value.startswith('=SUBTOTAL(9,'), total.value
            values = openpyxl.load_workbook('faktura.xlsx', data_only=True)['Fakturagrunnlag']
            print(values.cell(row=values.max_row, column=14).value, values['N5'].number_format)
            """
        let invoice = try Python.run(check, in: tunet.folder)
        #expect(invoice.status == 0, "\(invoice.output)")
        #expect(invoice.output.trimmingCharacters(in: .whitespacesAndNewlines) == "9675 #,##0.00\\ \"kr\"")
    }

    @Test("In English the data sheet comes first, with English columns and instructions, and imports the same")
    func english() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let written = try tunet.run(["attendance", "template", "--provider", "974760673", "--month", "2026-05", "-o", "may.xlsx", "--lang", "en"],
                                    environment: AttendanceCommandTests.today)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "Wrote may.xlsx: 10 planned participant-days for 974760673 in May 2026.\n")
        let fill = """
            import openpyxl
            wb = openpyxl.load_workbook('may.xlsx')
            assert wb.sheetnames == ['Attendance', 'Instructions'], wb.sheetnames
            assert wb['Instructions']['A1'].value == 'Attendance list for Lia gård (974 760 673), May 2026', wb['Instructions']['A1'].value
            assert wb['Instructions']['A3'].value == "How to fill in the sheet 'Attendance':", wb['Instructions']['A3'].value
            ws = wb['Attendance']
            assert [c.value for c in ws[1]] == ['Organisation number', 'Participant', 'Date', 'Weekday', 'Status', 'Hours', 'Transport trips', \
                'Extra day'], [c.value for c in ws[1]]
            assert ws['D2'].value == 'mon', ws['D2'].value
            status, extra = ws.data_validations.dataValidation
            assert status.formula1 == '"M,FM,FU,AT"' and status.promptTitle == 'Status', (status.formula1, status.promptTitle)
            assert extra.formula1 == '"yes,no"' and extra.promptTitle == 'Extra day', (extra.formula1, extra.promptTitle)
            statuses = {4: 'M', 7: 'M', 11: 'FU', 18: 'M', 21: 'FM', 28: 'AT', 6: 'M', 13: 'M', 20: 'FU', 27: 'M'}
            for row in ws.iter_rows(min_row=2, max_row=11):
                row[4].value = statuses[row[2].value.day]
            ws['G2'] = 2
            ws['H3'] = 'no'
            wb.save('may-filled.xlsx')
            print('filled')
            """
        let python = try Python.run(fill, in: tunet.folder)
        #expect(python.status == 0, "\(python.output)")
        let imported = try tunet.run(["attendance", "import", "may-filled.xlsx"], environment: AttendanceCommandTests.today)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "Imported 10 rows from may-filled.xlsx for 974760673 (May 2026): 10 new, 0 changed, 0 unchanged.\n")
        let basis = try tunet.json(try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-05", "--json"],
                                                 environment: AttendanceCommandTests.today)) as? [String: Any]
        #expect(basis?["total_ore"] as? Int == 967_500)
    }

    @Test("A plain sheet with the same columns, made without the template, imports too")
    func plainSheet() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let make = """
            import openpyxl, datetime
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.append(['orgnr', 'deltaker', 'dato', 'status', 'timer'])
            ws.append(['974760673', 'P-2026-0101', datetime.datetime(2026, 5, 4), 'møtt', 5])
            ws.append(['974760673', 'P-2026-0102', '13.05.2026', 'FU', None])
            ws['C2'].number_format = 'dd.mm.yyyy'
            wb.save('eget-ark.xlsx')
            """
        let python = try Python.run(make, in: tunet.folder)
        #expect(python.status == 0, "\(python.output)")
        let imported = try tunet.run(["attendance", "import", "eget-ark.xlsx"], environment: AttendanceCommandTests.today)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 new"))
    }

    @Test("Refused rows come back as the submitted sheet with an error column, each reason in bokmål under the template's column name")
    func errorsOut() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let result = try tunet.run(["attendance", "import", TunetProcess.example("attendance-with-errors.csv"), "--provider", "974760673",
                                    "--errors-out", "feil.xlsx"], environment: Self.bokmal)
        #expect(result.status == 65)
        #expect(result.stderr.contains("Det innsendte arket med en feilkolonne ligger i feil.xlsx."), "\(result.stderr)")
        let check = """
            import openpyxl
            wb = openpyxl.load_workbook('feil.xlsx')
            assert wb.sheetnames == ['Feil'], wb.sheetnames
            ws = wb['Feil']
            assert ws['H1'].value == 'Feil', ws['H1'].value
            assert ws['H2'].value is None
            assert ws['H3'].value.startswith('Deltaker: '), ws['H3'].value
            print(ws['H7'].value)
            print(ws.max_row)
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.status == 0, "\(python.output)")
        #expect(python.output == "Dato: P-2026-0101 04.05.2026 står også på rad 2\n11\n")
    }

    @Test("In English the error workbook is «Errors», its reasons English")
    func errorsOutInEnglish() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let result = try tunet.run(["attendance", "import", TunetProcess.example("attendance-with-errors.csv"), "--provider", "974760673",
                                    "--errors-out", "errors.xlsx"], environment: AttendanceCommandTests.today)
        #expect(result.status == 65)
        #expect(result.stderr.contains("The submitted sheet with an error column is in errors.xlsx."))
        let check = """
            import openpyxl
            ws = openpyxl.load_workbook('errors.xlsx')['Errors']
            assert ws['H1'].value == 'Error', ws['H1'].value
            assert 'unknown participant code' in ws['H3'].value, ws['H3'].value
            assert 'future' in ws['H10'].value
            print(ws['H7'].value)
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.status == 0, "\(python.output)")
        #expect(python.output == "Date: P-2026-0101 on 2026-05-04 is also on row 2\n")
    }
}
