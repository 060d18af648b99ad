extension Catalogue {
    /// Bokmål: hjelpen til rammeavtaler, prisene, de kjøpte plassene og forbruket.
    static let nbHelpAgreements: [String: String] = [
        "help.agreement.abstract": "Rammeavtaler: registrer, forleng, avslutt, priser og maksimalverdien.",
        "help.agreement.discussion": """
            Eksempler:
              tunet agreement list --status expiring
              tunet agreement show 2023/4512
              tunet agreement consumption 2025/DAG-77 --by-municipality
              tunet agreement prices 2023/4512 --on 2027-02-01
              tunet agreement adjust-prices --year 2027 --dry-run
            """,

        "help.agreement.add.abstract": "Registrer en eksisterende rammeavtale direkte.",
        "help.agreement.add.discussion": """
            Samlet varighet med alle opsjoner kan ikke være over 4 år, med mindre --special-reason er gitt. \
            Maksimalverdien er påkrevd: når bundet og brukt når den, er avtalen oppbrukt.

            Eksempel (Kongsberg, rangert rekkefølge, KPI-justert hver januar etter oktoberindeksen):
              tunet agreement add --reference 2023/4512 --title "Inn på tunet Kongsberg" \\
                --municipality 3303 --provider 912345602:1 --provider 912345718:2 \\
                --target-groups pupils,dementia --start 2024-01-01 --end 2025-12-31 \\
                --option 12:2025-09-30 --option 12:2026-09-30 --estimated-value 6000000 \\
                --maximum-value 8000000 --call-off ranking \\
                --absence-rule bill_unannounced_absence \\
                --price 912345602:full_day:day:1250 --price 912345602:transport:trip:350 \\
                --price 912345718:full_day:day:1190 --kpi-base 2023M10 --kpi-month 10
            """,
        "help.agreement.add.reference": "Avtalens referanse (saksnummer), som 2023/4512.",
        "help.agreement.add.title": "Tittel.",
        "help.agreement.add.municipality": "Kommunenummer; gjenta for felles innkjøp.",
        "help.agreement.add.provider": "En part: ORGNR eller ORGNR:RANG; gjenta for hver tilbyder.",
        "help.agreement.add.target-groups": "Målgrupper: pupils (elever), dementia (personer med demens), other (andre).",
        "help.agreement.add.start": "Første dag (YYYY-MM-DD eller DD.MM.YYYY).",
        "help.agreement.add.end": "Siste dag uten opsjoner.",
        "help.agreement.add.option": "En opsjon på forlengelse MÅNEDER:BESLUTNINGSFRIST; gjenta i rekkefølge.",
        "help.agreement.add.estimated-value": "Anslått verdi i kroner ekskl. mva. for hele den mulige varigheten.",
        "help.agreement.add.maximum-value": "Maksimalverdi i kroner (påkrevd): det bindende taket.",
        "help.agreement.add.maximum-participant-days": "Høyeste antall deltakerdager, om ønsket.",
        "help.agreement.add.call-off": "Avropsmetode: direct, ranking, criteria, mini_competition.",
        "help.agreement.add.allocation-criteria": "Tildelingskriteriene for avrop slik de står i avtalen (ved --call-off criteria).",
        "help.agreement.add.absence-rule": "Fakturerbart fravær: present_only (standard), bill_unannounced_absence, bill_all_absence.",
        "help.agreement.add.transport-billing": "Fakturerte turer: billable_days (standard: bare på dager fraværsregelen fakturerer, aldri på en dag gården avlyste) eller as_reported (hver rapportert tur).",
        "help.agreement.add.allows-extra-days": "Tilbyderne kan rapportere ekstra dager utenom plasseringens ukedager.",
        "help.agreement.add.bought-places": "Kjøpte plasser ORGNR:GRUPPE:PLASSER, eller ORGNR:GRUPPE:PLASSER:UKEDAGER der kontrakten kjøper per ukedag; gjenta. Avrop ut over dem avvises, med mindre --allows-extra-places er gitt.",
        "help.agreement.add.allows-extra-places": "Avrop kan gå ut over de kjøpte plassene.",
        "help.agreement.add.price": "En prislinje ORGNR:LINJE:ENHET:BELØP (enhet day, half_day, trip, hour); gjenta.",
        "help.agreement.add.kpi-base": "KPI-basismåneden prisene er gitt i, som 2023M10.",
        "help.agreement.add.kpi-month": "Måneden indeksen leses av hvert år (1–12).",
        "help.agreement.add.kpi-effective-month": "Måneden de justerte prisene gjelder fra (1–12, standard 1).",
        "help.agreement.add.kpi-effective-day": "Dagen i den måneden de gjelder fra (1–28, standard 1), for justering på årsdagen.",
        "help.agreement.add.special-reason": "Hvorfor avtalen kan vare lenger enn 4 år (lagres og logges).",

        "help.agreement.show.abstract": "Vis en avtale: maksimalverdien (per kommune ved felles avtale), partene, opsjonene og dagens priser.",
        "help.agreement.show.discussion": """
            Eksempel:
              tunet agreement show 2023/4512 --json
            """,
        "help.agreement.show.reference": "Avtalens referanse.",

        "help.agreement.list.abstract": "List avtaler, eventuelt med utvalg.",
        "help.agreement.list.discussion": """
            Tilstander: draft (utkast), active (aktiv), expiring (slutter innen 6 måneder), expired (utløpt), \
            terminated (avsluttet), exhausted (maksimalverdien er brukt opp).

            Eksempel:
              tunet agreement list --municipality 3303 --status active
            """,
        "help.agreement.list.status": "Bare avtaler med denne tilstanden.",
        "help.agreement.list.municipality": "Bare avtaler for denne kommunen.",
        "help.agreement.list.provider": "Bare avtaler der denne tilbyderen er part.",

        "help.agreement.extend.abstract": "Utløs neste opsjon på forlengelse (før beslutningsfristen).",
        "help.agreement.extend.discussion": """
            Eksempel:
              tunet agreement extend 2023/4512 --note "Vedtatt i arbeidslaget 2025-09-12"
            """,
        "help.agreement.extend.reference": "Avtalens referanse.",
        "help.agreement.extend.note": "En merknad til revisjonsloggen.",

        "help.agreement.terminate.abstract": "Avslutt en avtale fra en bestemt dag, med en begrunnelse.",
        "help.agreement.terminate.discussion": """
            Avtalen gjelder ikke lenger fra den oppgitte dagen; siste dag er dagen før. Plasseringer som \
            løper på eller etter den dagen, listes, og avslutningen avvises til du sier hva som skal skje \
            med dem: --end-placements avslutter hver av dem på avtalens siste dag og frigjør den bundne \
            verdien (en plassering som ikke har startet, avlyses), hver av dem logget; --keep-placements \
            beholder dem som de er, med begrunnelsen registrert.

            Eksempler:
              tunet agreement terminate 2023/4512 \\
                --reason "Slått sammen med fellesavtalen" --on 2027-01-01
              tunet agreement terminate 2023/4512 --reason "Kontraktsbrudd" \\
                --on 2026-12-15 --end-placements
            """,
        "help.agreement.terminate.reference": "Avtalens referanse.",
        "help.agreement.terminate.reason": "Hvorfor (påkrevd, logges).",
        "help.agreement.terminate.on": "Den første dagen avtalen ikke lenger gjelder (standard: i dag).",
        "help.agreement.terminate.end-placements": "Avslutt plasseringene som løper etter avslutningen, på avtalens siste dag.",
        "help.agreement.terminate.keep-placements": "Behold plasseringene som løper etter avslutningen, og registrer begrunnelsen.",

        "help.agreement.prices.abstract": "Vis prisene som gjelder på en dag, og alle versjoner av dem.",
        "help.agreement.prices.discussion": """
            Eksempel:
              tunet agreement prices 2023/4512 --provider 912345602 --on 2027-01-15
            """,
        "help.agreement.prices.reference": "Avtalens referanse.",
        "help.agreement.prices.provider": "Bare denne tilbyderens priser.",
        "help.agreement.prices.on": "Dagen (standard: i dag).",
        "help.agreement.prices.history": "List også alle prisversjoner.",

        "help.agreement.adjust-prices.abstract": "Bruk avtalenes KPI-klausuler for et år; hver pris beholdes som en datert versjon.",
        "help.agreement.adjust-prices.discussion": """
            Ny pris = opprinnelig pris × KPI(avlesningsmåneden) ÷ KPI(basismåneden), avrundet til nærmeste øre \
            (halve øre bort fra null). Kjøres den igjen for samme år, endres ingenting, og den sier at året \
            allerede er justert.

            Eksempel:
              tunet agreement adjust-prices --year 2027 --dry-run
            """,
        "help.agreement.adjust-prices.year": "Året de justerte prisene gjelder fra.",
        "help.agreement.adjust-prices.reference": "Bare denne avtalen.",
        "help.agreement.adjust-prices.dry-run": "Vis de nye prisene uten å lagre dem.",

        "help.agreement.places.abstract": "Plassene en avtale kjøper per gård og målgruppe, og bruken dag for dag (booket av kjøpt).",
        "help.agreement.places.discussion": """
            Et avrop ut over de kjøpte plassene avvises, med mindre avtalen tillater ekstra plasser. En gård og \
            målgruppe som avtalen ikke kjøper plasser fra, begrenses bare av gårdens plasser per dag.

            Eksempler:
              tunet agreement places 2025/310
              tunet agreement places 2025/310 --from 2026-08-17 --to 2026-08-28
              tunet agreement places 2025/310 --set 974760673:pupils:4 \\
                --set 923609016:dementia:3:mon,wed
              tunet agreement places 2025/310 --set 974760673:pupils:0  # slutt å kjøpe
              tunet agreement places 2025/310 --enable-extra-places
            """,
        "help.agreement.places.reference": "Avtalens referanse.",
        "help.agreement.places.from": "Den første dagen som vises (standard: i dag).",
        "help.agreement.places.to": "Den siste dagen som vises (standard: en uke fram; høyst 367 dager).",
        "help.agreement.places.set": "ORGNR:GRUPPE:PLASSER, eller ORGNR:GRUPPE:PLASSER:UKEDAGER der kontrakten kjøper per ukedag; erstatter det som kjøpes der (0 stopper kjøpet); gjenta.",
        "help.agreement.places.extra-places": "Om avrop kan gå ut over de kjøpte plassene.",

        "help.agreement.consumption.abstract": "Hvor mye av hver avtales maksimalverdi som er bundet og brukt.",
        "help.agreement.consumption.discussion": """
            Bundet er den beregnede kostnaden for plasseringene; brukt er fakturert oppmøte. Prognosekolonnen er \
            dagen maksimalverdien nås i takten fra de siste 90 dagene («!» når det er før avtalen slutter, \
            eller innenfor de 270 dagene en ny konkurranse trenger). Med --by-municipality vises hver kommunes \
            del av det felles taket: hver kommune i avtalen, hva den har bundet, brukt og \
            utnyttet i alt, og dens andel av det avtalen har utnyttet og av maksimalverdien.

            Eksempler:
              tunet agreement consumption 2023/4512
              tunet agreement consumption 2025/DAG-77 --by-municipality
            """,
        "help.agreement.consumption.reference": "Én avtale (standard: alle).",
        "help.agreement.consumption.by-municipality": "Hver kommunes bundet, brukt og utnyttet av det felles taket.",
    ]
}
