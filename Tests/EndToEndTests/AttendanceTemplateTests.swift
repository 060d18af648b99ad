import Foundation
import Testing

@Suite("The attendance template, filled in by another program and sent back")
struct AttendanceTemplateTests {
    @Test("Write the template, fill it in with openpyxl as a farm would, and import it")
    func roundTrip() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let written = try tunet.run(["attendance", "template", "--provider", "974760673", "--month", "2026-05", "-o", "mai.xlsx"],
                                    environment: AttendanceCommandTests.today)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("10 planned participant-days"))
        let fill = """
            import openpyxl, datetime
            wb = openpyxl.load_workbook('mai.xlsx')
            assert wb.sheetnames == ['Veiledning', 'Oppmøte'], wb.sheetnames
            ws = wb['Oppmøte']
            assert [c.value for c in ws[1]] == ['Organisasjonsnummer', 'Deltaker', 'Dato', 'Ukedag', 'Status', 'Timer', 'Turer', 'Ekstra']
            assert ws.protection.sheet, 'the sheet is not protected'
            assert ws['B2'].protection.locked and not ws['E2'].protection.locked
            assert isinstance(ws['C2'].value, datetime.datetime), ws['C2'].value
            assert ws.data_validations.dataValidation[0].formula1 == '"M,FM,FU,AT"'
            statuses = {4: 'M', 7: 'M', 11: 'FU', 18: 'M', 21: 'FM', 28: 'AT', 6: 'M', 13: 'M', 20: 'FU', 27: 'M'}
            for row in ws.iter_rows(min_row=2, max_row=11):
                row[4].value = statuses[row[2].value.day]
            wb.save('mai-utfylt.xlsx')
            print('filled')
            """
        let python = try Python.run(fill, in: tunet.folder)
        #expect(python.status == 0, "openpyxl (installed by scripts/test) failed: \(python.output)")
        let imported = try tunet.run(["attendance", "import", "mai-utfylt.xlsx"], environment: AttendanceCommandTests.today)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("10 new"))
        let basis = try tunet.json(try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-05", "--json"],
                                                 environment: AttendanceCommandTests.today)) as? [String: Any]
        #expect(basis?["total_ore"] as? Int == 967_500)   // the same hand-checked month as the CSV example

        let workbook = try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-05", "-o", "faktura.xlsx"],
                                     environment: AttendanceCommandTests.today)
        #expect(workbook.status == 0, "\(workbook.stderr)")
        let check = """
            import openpyxl
            ws = openpyxl.load_workbook('faktura.xlsx')['Fakturagrunnlag']
            total = ws.cell(row=ws.max_row, column=14)
            assert total.value.startswith('=SUM('), total.value
            values = openpyxl.load_workbook('faktura.xlsx', data_only=True)['Fakturagrunnlag']
            print(values.cell(row=values.max_row, column=14).value, values['N5'].number_format)
            """
        let invoice = try Python.run(check, in: tunet.folder)
        #expect(invoice.status == 0, "\(invoice.output)")
        #expect(invoice.output.trimmingCharacters(in: .whitespacesAndNewlines) == "9675 #,##0.00\\ \"kr\"")
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

    @Test("Refused rows come back as the submitted sheet with an error column")
    func errorsOut() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let result = try tunet.run(["attendance", "import", TunetProcess.example("attendance-with-errors.csv"), "--provider", "974760673",
                                    "--errors-out", "feil.xlsx"], environment: AttendanceCommandTests.today)
        #expect(result.status == 65)
        #expect(result.stderr.contains("error column is in feil.xlsx"))
        let check = """
            import openpyxl
            ws = openpyxl.load_workbook('feil.xlsx')['Feil']
            assert ws['H1'].value == 'Feil', ws['H1'].value
            assert ws['H2'].value is None
            assert 'unknown participant code' in ws['H3'].value, ws['H3'].value
            assert 'future' in ws['H10'].value
            print(ws.max_row)
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.status == 0, "\(python.output)")
        #expect(python.output.trimmingCharacters(in: .whitespacesAndNewlines) == "11")
    }
}
