extension Catalogue {
    /// Bokmål: attendance files, the template, the error workbook, reconciliation and the invoice basis.
    static let nbAttendance: [String: String] = [
        "attendance.template.choose_from_list": "Velg en verdi fra listen: {values}",
        "attendance.month.1": "januar {year}",
        "attendance.month.2": "februar {year}",
        "attendance.month.3": "mars {year}",
        "attendance.month.4": "april {year}",
        "attendance.month.5": "mai {year}",
        "attendance.month.6": "juni {year}",
        "attendance.month.7": "juli {year}",
        "attendance.month.8": "august {year}",
        "attendance.month.9": "september {year}",
        "attendance.month.10": "oktober {year}",
        "attendance.month.11": "november {year}",
        "attendance.month.12": "desember {year}",

        // The template a farm fills in.
        "attendance.template.written": "Skrev {file}: {rows} {rows|planlagt deltakerdag|planlagte deltakerdager} for {provider} i {month}.",
        "attendance.template.sheet.instructions": "Veiledning",
        "attendance.template.sheet.data": "Oppmøte",
        "attendance.template.column.organisation_number": "Organisasjonsnummer",
        "attendance.template.column.participant": "Deltaker",
        "attendance.template.column.date": "Dato",
        "attendance.template.column.weekday": "Ukedag",
        "attendance.template.column.status": "Oppmøte",
        "attendance.template.column.hours": "Timer",
        "attendance.template.column.trips": "Turer",
        "attendance.template.column.extra": "Ekstra",
        "attendance.template.status_title": "Oppmøte",
        "attendance.template.status_help": "M = møtt, FM = fravær meldt, FU = fravær umeldt, AT = avlyst av tilbyder",
        "attendance.template.extra_title": "Ekstra dag",
        "attendance.template.extra_help": "ja for en dag utenom de planlagte (bare hvis avtalen tillater ekstra dager)",
        "attendance.template.yes": "ja",
        "attendance.template.no": "nei",
        "attendance.template.title": "Oppmøteliste for {name} ({provider}), {month}",
        "attendance.template.instructions": """
            Slik fyller du ut arket «{sheet}»:
            1. Hver rad er en planlagt dag for en deltaker. Deltaker, dato og organisasjonsnummer er låst og skal ikke endres.
            2. Velg oppmøte i kolonnen Oppmøte: M = møtt, FM = fravær meldt, FU = fravær umeldt, AT = avlyst av tilbyder.
            3. Timer (valgfritt): antall timer, 0–12, gjerne med én desimal (4,5).
            4. Turer (valgfritt): antall skyssturer den dagen (0–4). Står feltet tomt, regnes to turer på dager deltakeren møtte, hvis avtalen har skyss.
            5. Ekstra dager: bruk de gule tomme radene nederst, skriv organisasjonsnummer, deltaker og dato, og velg «ja» i kolonnen Ekstra.
               Ekstra dager godtas bare når avtalen tillater det.
            6. Lagre filen som den er (xlsx) og send den tilbake. Samme fil to ganger endrer ingenting; en ny fil for samme dager erstatter de tidligere verdiene.
            7. Du kan sende en delvis utfylt liste. En rad uten oppmøte, der heller ikke timer, turer eller ekstra er fylt ut, regnes som ikke rapportert:
               de utfylte radene lagres, og de tomme dagene står som manglende til du sender dem. Tunet sier hvor mange rader som var tomme.
               En rad med timer, turer eller ekstra, men uten oppmøte, er en feil. En fil der alle radene er tomme, blir avvist.

            Ingen navn eller personnummer: deltakerne er bare kjent ved koden.
            """,

        // Importing a file.
        "attendance.file.unreadable": "filen kan ikke leses",
        "attendance.file.missing": "filen finnes ikke",
        "attendance.file.nothing_reported": "ingen rad har oppmøte fylt ut ({rows} {rows|tom rad|tomme rader}), så filen rapporterer ingenting og ingenting ble endret; fyll inn M, FM, FU eller AT for dagene som skal rapporteres",
        "attendance.row.no_farm": "raden oppgir ingen gård; fyll inn organisasjonsnummeret, eller si hvilken gård som sender filen med {provider}",
        "attendance.row.unknown_farm": "ingen gård med organisasjonsnummer {number} er registrert",
        "attendance.row.duplicate_day": "{participant} {date} står også på rad {row}",
        "attendance.row.no_price": "avtale {agreement} har ingen pris på linjen «{line}» for {provider} på {date}",
        "attendance.import.done": "Importerte {rows} {rows|rad|rader} fra {file} for {farm} ({months}): {new} {new|ny|nye}, {changed} endret, {unchanged} uendret.",
        "attendance.import.dry": "Ville importert {rows} {rows|rad|rader} fra {file} for {farm} ({months}): {new} {new|ny|nye}, {changed} endret, {unchanged} uendret.",
        "attendance.import.farms": "{farms} {farms|gård|gårder}",
        "attendance.import.identical": "{file} er identisk med innsending {submission} (samme innhold); ingenting ble endret.",
        "attendance.import.superseded": "{file} er identisk med innsending {submission}, men {days} {days|dag|dager} i filen er endret siden, av {later|innsending|innsendingene} {later}: det som er lagret, stemmer ikke lenger med filen. Ingenting ble endret.",
        "attendance.import.apply_again": "Vil du bruke filen på nytt, slik at den erstatter de endrede dagene: tunet attendance import {file} {again}",
        "attendance.import.left_empty": "{rows} {rows|rad var tom|rader var tomme} (uten oppmøte): {rows|dagen|dagene} er ikke rapportert og står som manglende.",
        "attendance.import.dry_run": "Prøvekjøring: ingenting ble lagret.",
        "attendance.errors_out.written": "Det innsendte arket med en feilkolonne ligger i {path}.",
        "attendance.errors.sheet": "Feil",
        "attendance.errors.column": "Feil",
        "attendance.errors.name": "Feil i {file}",

        // Submissions and reconciliation.
        "attendance.submissions.none": "Ingen innsendinger er registrert.",
        "attendance.submissions.table.received": "Mottatt (norsk tid)",
        "attendance.submissions.table.actor": "Av",
        "attendance.submissions.table.provider": "Tilbyder",
        "attendance.submissions.table.file": "Fil",
        "attendance.submissions.table.months": "Måneder",
        "attendance.submissions.table.rows": "Rader",
        "attendance.submissions.table.new": "Nye",
        "attendance.submissions.table.changed": "Endret",
        "attendance.submissions.table.unchanged": "Uendret",
        "attendance.status.none": "Ingen plasseringer løper i {month}.",
        "attendance.status.table.organisation_number": "Org.nr.",
        "attendance.status.table.provider": "Tilbyder",
        "attendance.status.table.planned": "Planlagt",
        "attendance.status.table.reported": "Rapportert",
        "attendance.status.table.missing": "Mangler",
        "attendance.status.table.present": "Møtt",
        "attendance.status.table.rate": "Oppmøteandel",

        // The invoice basis.
        "invoice.written": "Skrev {file}.",
        "invoice.heading": "Fakturagrunnlag for {name} ({provider}), {month}",
        "invoice.heading_incomplete": "Fakturagrunnlag for {name} ({provider}), {month}: UFULLSTENDIG, planlagte dager mangler rapport",
        "invoice.table.participant": "Deltaker",
        "invoice.table.agreement": "Avtale",
        "invoice.table.planned": "Planlagt",
        "invoice.table.reported": "Rapportert",
        "invoice.table.present": "Møtt",
        "invoice.table.absent_with_notice": "Frav. meldt",
        "invoice.table.absent_without_notice": "Frav. umeldt",
        "invoice.table.cancelled": "Avlyst",
        "invoice.table.billable": "Fakturerbare",
        "invoice.table.day_amount": "Dager (kr)",
        "invoice.table.trips": "Turer",
        "invoice.table.transport_amount": "Skyss (kr)",
        "invoice.table.total": "Sum (kr)",
        "invoice.table.missing": "Mangler",
        "invoice.periods.heading": "Fakturert til hver pris (en ny pris starter en ny periode):",
        "invoice.periods.table.price_line": "Prislinje",
        "invoice.periods.table.from": "Fra",
        "invoice.periods.table.to": "Til",
        "invoice.periods.table.days": "Dager",
        "invoice.periods.table.quantity": "Antall",
        "invoice.periods.table.unit": "Enhet",
        "invoice.periods.table.unit_price": "Enhetspris (kr)",
        "invoice.periods.table.amount": "Beløp (kr)",
        "invoice.sum": "Sum: {total} kr (dager {days}, skyss {transport})",

        // The invoice basis workbook.
        "invoice.workbook.title": "Fakturagrunnlag {month}: {name} ({provider})",
        "invoice.workbook.title_all": "Fakturagrunnlag {month}: alle gårder",
        "invoice.workbook.complete": "Komplett: alle planlagte dager er rapportert.",
        "invoice.workbook.incomplete": "UFULLSTENDIG: planlagte dager mangler rapport.",
        "invoice.workbook.periods.title": "Priser per periode {month}: {name} ({provider})",
        "invoice.workbook.periods.note": "Hver rad er fakturerte dager etter hverandre til samme enhetspris; en ny pris gir en ny rad.",
    ]
}
