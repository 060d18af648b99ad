extension Catalogue {
    /// Bokmål: hjelpen til plasseringer (avrop), oppfølgingssamtaler, deltakerens forløp og oppmøte.
    static let nbHelpPlacements: [String: String] = [
        "help.placement.abstract": "Avrop: plasser elever og personer med demens på gårder under en avtale.",
        "help.placement.discussion": """
            Eksempler:
              tunet placement add --agreement 2023/4512 --kind dementia \\
                --municipality 3303 --weekdays tue,thu --start 2026-01-06 \\
                --end 2026-06-30 --decision "HO-2025/118" --transport --dry-run
              tunet placement list --agreement 2023/4512 --active-on 2026-03-01
              tunet placement followup add 3 --date 2026-02-10 \\
                --roles participant,relative,farmer --wishes "Vil gjerne stelle hestene" \\
                --next 2026-05-10
            """,

        "help.placement.add.abstract": "Plasser en deltaker; gården velges etter avtalens avropsmetode.",
        "help.placement.add.discussion": """
            Avtaler med rangering velger den høyest rangerte gården med plass og registrerer hver gård som ble \
            hoppet over, og hvorfor; avtaler med direkte tildeling og tildelingskriterier tar --provider \
            (tildelingskriterier også --criteria-inputs); avtaler med minikonkurranse trenger resultatet av \
            konkurransen. En plassering over avtalens maksimalverdi avvises, med mindre --override-ceiling \
            --reason er gitt (logges og merkes i alle lister). En gård der forsikringen er utløpt ved start, \
            tar ikke imot nye plasseringer. En elev som plasseres i et skoleår (1. august til 31. juli) som \
            kommunen ikke har skolerute for, plasseres med en advarsel som sier hva som mangler: legg den inn \
            med `tunet calendar school import FIL` eller `tunet calendar school set`.

            Eksempler:
              tunet placement add --agreement 2025/310 --kind pupil --municipality 1866 \\
                --weekdays wed --start 2026-01-07 --end 2026-06-19 \\
                --school "Stokmarknes skole" --grade 6 \\
                --contact-teacher-role "kontaktlærer 6A" \\
                --learning-goals "Naturfag: dyrestell"
              tunet placement add --agreement 2023/4512 --kind dementia \\
                --municipality 3303 --weekdays tue,thu --start 2026-01-06 \\
                --end 2026-06-30 --decision HO-2025/118 --transport \\
                --relative-role datter
            """,
        "help.placement.add.agreement": "Avtalens referanse.",
        "help.placement.add.participant": "En pseudonym deltakerkode (lages som P-ÅR-NNNN når den utelates); alt som kan være et fødselsnummer, med eller uten skilletegn (010190-12345), avvises.",
        "help.placement.add.kind": "pupil (elev) eller dementia (person med demens).",
        "help.placement.add.municipality": "Kommunen som kjøper (4 sifre); skoleferiene dens gjelder for elever.",
        "help.placement.add.weekdays": "Ukedager på gården: tue,thu eller mon-fri.",
        "help.placement.add.start": "Første dag (YYYY-MM-DD eller DD.MM.YYYY).",
        "help.placement.add.end": "Siste dag.",
        "help.placement.add.price-line": "Prislinjen som faktureres per dag (standard full_day).",
        "help.placement.add.provider": "Gården, for avtaler med direkte tildeling, tildelingskriterier eller minikonkurranse.",
        "help.placement.add.criteria-inputs": "Hvordan avtalens tildelingskriterier velger denne gården (avtaler med tildelingskriterier).",
        "help.placement.add.mini-competition-result": "Resultatet av minikonkurransen (avtaler med minikonkurranse).",
        "help.placement.add.school": "Elev: skolen.",
        "help.placement.add.grade": "Elev: trinn 1–10.",
        "help.placement.add.contact-teacher-role": "Elev: kontaktlærerens rolle (ikke navn).",
        "help.placement.add.learning-goals": "Elev: læringsmål.",
        "help.placement.add.decision": "Demens: referansen til enkeltvedtaket.",
        "help.placement.add.transport": "Demens: skyss tur-retur hver dag.",
        "help.placement.add.relative-role": "Demens: den pårørendes rolle (ikke navn).",
        "help.placement.add.override-ceiling": "Fortsett selv om avtalens maksimalverdi blir overskredet (krever --reason; logges).",
        "help.placement.add.reason": "Hvorfor maksimalverdien kan overskrides.",
        "help.placement.add.name": "Deltakerens navn, bare hvis kommunen krever det: lagres for seg, eksporteres aldri, hver lesing logges.",
        "help.placement.add.dry-run": "Vis hvilken gård som ville blitt valgt og hvorfor, og kostnaden, uten å lagre noe.",

        "help.placement.list.abstract": "List plasseringer med utvalg; overskredet maksimalverdi merkes med !.",
        "help.placement.list.discussion": """
            Eksempel:
              tunet placement list --provider 912345602 --kind dementia \\
                --active-on 2026-03-01
            """,
        "help.placement.list.agreement": "Bare under denne avtalen.",
        "help.placement.list.provider": "Bare hos denne gården.",
        "help.placement.list.kind": "pupil (elev) eller dementia (person med demens).",
        "help.placement.list.municipality": "Bare denne kjøpende kommunen.",
        "help.placement.list.active-on": "Bare plasseringer som løper denne dagen.",
        "help.placement.list.participant": "Bare denne deltakerkoden.",

        "help.placement.show.abstract": "Vis en plassering: hvordan gården ble valgt, kostnaden og oppfølgingssamtalene.",
        "help.placement.show.discussion": """
            Eksempel:
              tunet placement show 3
            """,
        "help.placement.show.id": "Plasseringens nummer.",

        "help.placement.end.abstract": "Avslutt en plassering tidligere; den bundne verdien for de gjenstående dagene frigjøres.",
        "help.placement.end.discussion": """
            Eksempel:
              tunet placement end 3 --on 2026-04-30 --reason "Flyttet til sykehjem"
            """,
        "help.placement.end.id": "Plasseringens nummer.",
        "help.placement.end.on": "Den nye siste dagen.",
        "help.placement.end.reason": "Hvorfor, til revisjonsloggen.",

        "help.placement.extend.abstract": "Forleng en plassering; kapasiteten, avtaleperioden og maksimalverdien kontrolleres for de nye dagene.",
        "help.placement.extend.discussion": """
            Eksempel:
              tunet placement extend 3 --to 2026-12-18
            """,
        "help.placement.extend.id": "Plasseringens nummer.",
        "help.placement.extend.to": "Den nye siste dagen.",
        "help.placement.extend.override-ceiling": "Fortsett selv om maksimalverdien blir overskredet (krever --reason).",
        "help.placement.extend.reason": "Hvorfor maksimalverdien kan overskrides.",

        "help.placement.cancel.abstract": "Avlys en plassering; hele den bundne verdien frigjøres.",
        "help.placement.cancel.discussion": """
            Eksempel:
              tunet placement cancel 3 --reason "Familien takket nei til tilbudet"
            """,
        "help.placement.cancel.id": "Plasseringens nummer.",
        "help.placement.cancel.reason": "Hvorfor (påkrevd, logges).",

        "help.placement.followup.abstract": "Oppfølgingssamtaler (Aktive sammen): datert, med rollene som var til stede og deltakerens ønsker.",
        "help.placement.followup.discussion": """
            Eksempler:
              tunet placement followup add 3 --date 2026-02-10 \\
                --roles participant,relative --wishes "..." --next 2026-05-10
              tunet placement followup list 3
            """,

        "help.placement.followup.add.abstract": "Registrer en oppfølgingssamtale.",
        "help.placement.followup.add.discussion": """
            Eksempel:
              tunet placement followup add 3 --date 2026-02-10 \\
                --roles participant,relative,farmer --wishes "Vil være mer ute" \\
                --next 2026-05-10
            """,
        "help.placement.followup.add.id": "Plasseringens nummer.",
        "help.placement.followup.add.date": "Dagen samtalen fant sted.",
        "help.placement.followup.add.roles": "Rollene som deltok (participant, relative, teacher, farmer, coordinator), kommaseparert.",
        "help.placement.followup.add.wishes": "Deltakerens egne ønsker og behov, slik de ble sagt.",
        "help.placement.followup.add.next": "Når neste oppfølgingssamtale skal holdes.",

        "help.placement.followup.list.abstract": "List oppfølgingssamtalene for en plassering.",
        "help.placement.followup.list.discussion": """
            Eksempel:
              tunet placement followup list 3 --json
            """,
        "help.placement.followup.list.id": "Plasseringens nummer.",

        "help.placement.journey.abstract": "Deltakerens forløp (Aktive sammen): henvisning, samtale, behov avklart, nettverk, oppfølging.",
        "help.placement.journey.discussion": """
            Hvert steg dateres, registreres med hvem som førte det inn, og logges; friteksten slettes av `privacy erase`.
            Nettverkssteget knytter til plasseringen som ble gjort ved avrop (`placement add --participant KODE`);
            oppfølging nås med plasseringens første oppfølgingssamtale (`placement followup add`).

            Eksempler:
              tunet placement journey refer --kind dementia --municipality 3303 \\
                --referred-by fastlege
              tunet placement journey conversation 1 --role deltaker --role datter \\
                --wishes "Vil være ute, liker dyr"
              tunet placement journey need 1 --goals "Mestring og fellesskap" \\
                --weekdays tue,thu --transport --decision HO-2026/12
              tunet placement journey network 1 --placement 14 --contact-role datter \\
                --first-visit 2026-12-08
              tunet placement journey 1              hvor personen står
              tunet placement journey P-2026-0007    det samme, med deltakerkoden
              tunet placement journey list --waiting-longer-than 30d
            """,

        "help.placement.journey.show.abstract": "Hvor en person står: hvert steg med dato og innhold.",
        "help.placement.journey.show.key": "Forløpets nummer, eller deltakerkoden (det siste forløpet deres).",

        "help.placement.journey.list.abstract": "Hvem som venter hvor.",
        "help.placement.journey.list.discussion": """
            Eksempler:
              tunet placement journey list --step conversation
              tunet placement journey list --waiting-longer-than 30d
            """,
        "help.placement.journey.list.step": "Bare dette steget: referral, conversation, need, network, follow_up.",
        "help.placement.journey.list.waiting-longer-than": "Bare de som har ventet lenger enn dette i steget sitt: 30d, 6w, 2m.",

        "help.placement.journey.refer.abstract": "En henvisning: forløpet begynner, og personen får en deltakerkode.",
        "help.placement.journey.refer.participant": "Deltakerkoden, når personen har en; ellers gir Tunet den neste.",
        "help.placement.journey.refer.kind": "pupil (elev) eller dementia (person med demens).",
        "help.placement.journey.refer.municipality": "Kommunen, 4 sifre.",
        "help.placement.journey.refer.referred-by": "Hvem som henviste, som en rolle (fastlege, kontaktlærer, pårørende).",
        "help.placement.journey.refer.date": "Dagen for henvisningen (standard: i dag).",

        "help.placement.journey.conversation.abstract": "Samtalen med personen og de pårørende.",
        "help.placement.journey.conversation.key": "Forløpets nummer eller deltakerkoden.",
        "help.placement.journey.conversation.role": "Hvem som deltok, som en rolle; gjenta.",
        "help.placement.journey.conversation.wishes": "Personens ønsker, med egne ord.",
        "help.placement.journey.conversation.date": "Dagen (standard: i dag).",

        "help.placement.journey.need.abstract": "Det avklarte behovet og tilbudet som ønskes.",
        "help.placement.journey.need.key": "Forløpets nummer eller deltakerkoden.",
        "help.placement.journey.need.goals": "Målene.",
        "help.placement.journey.need.weekdays": "Ønskede ukedager: tue,thu eller mon-fri.",
        "help.placement.journey.need.transport": "Det trengs skyss til og fra gården.",
        "help.placement.journey.need.decision": "For demens: referansen til vedtaket.",
        "help.placement.journey.need.school": "For elever: skolen.",
        "help.placement.journey.need.grade": "For elever: trinnet, 1–10.",
        "help.placement.journey.need.date": "Dagen (standard: i dag).",

        "help.placement.journey.network.abstract": "Nettverket som gjennomfører det: plasseringen som ble gjort ved avrop.",
        "help.placement.journey.network.key": "Forløpets nummer eller deltakerkoden.",
        "help.placement.journey.network.placement": "Plasseringen som ble gjort for personen.",
        "help.placement.journey.network.contact-role": "Rollen til kontaktlæreren eller den pårørende.",
        "help.placement.journey.network.first-visit": "Dagen for det første besøket på gården.",
        "help.placement.journey.network.date": "Dagen (standard: i dag).",

        "help.attendance.abstract": "Oppmøtefiler fra gårdene: import, innsendinger og avstemming.",
        "help.attendance.discussion": """
            Eksempler:
              tunet attendance import oppmøte-mars.csv --dry-run
              tunet attendance submissions --provider 912345602
              tunet attendance status --month 2026-03
            """,

        "help.attendance.template.abstract": "Skriv den forhåndsutfylte oppmøtearbeidsboken for en gård og en måned.",
        "help.attendance.template.discussion": """
            Én rad per planlagt deltakerdag; statusen velges i en nedtrekksliste (M, FM, FU, AT); kolonnene som \
            identifiserer raden, er låst; et eget ark forklarer det hele. Den skrives på bokmål (arkene «Veiledning» \
            og «Oppmøte») eller, med --lang en, på engelsk (arkene «Attendance» og «Instructions»). Gården fyller \
            den ut og sender den tilbake som den er: `tunet attendance import FIL.xlsx`. Rader uten status (og uten \
            timer, turer eller ekstra dag) er dager som ikke er rapportert ennå: de står fortsatt som manglende, \
            og resten importeres.

            Eksempel:
              tunet attendance template --provider 912345602 \\
                --month 2026-03 -o lia-2026-03.xlsx
            """,
        "help.attendance.template.provider": "Gården.",
        "help.attendance.template.month": "Måneden, 2026-03.",
        "help.attendance.template.output": "xlsx-filen som skal skrives.",

        "help.attendance.import.abstract": "Importer oppmøtefilen fra en gård, alt eller ingenting.",
        "help.attendance.import.discussion": """
            Formatet står i Contracts/attendance-file.md. Er én rad feil, lagres ingenting; hver feil rad \
            rapporteres med radnummer, kolonne og grunn. Samme fil en gang til endrer ingenting; en senere fil \
            for de samme dagene erstatter verdiene deres (revisjonsloggen tar vare på de tidligere). Har en senere \
            fil endret noen av dagene siden, sier samme fil en gang til hvor mange av dagene som nå er annerledes \
            og hvilke innsendinger som endret dem, og endrer fortsatt ingenting; --again importerer den som en ny \
            innsending og bruker dagene dens på nytt (hendelsen i revisjonsloggen sier at den ble brukt på nytt).

            En delvis utfylt mal er en delvis rapport: en rad uten status og uten noe annet utfylt (timer, turer, \
            ekstra dag) hoppes over, og er ingen feil. Dagen er da ikke rapportert og står som manglende i \
            `tunet attendance status`; importen sier hvor mange rader som ble hoppet over. En rad med timer, turer \
            eller ekstra dag, men uten status, avvises fortsatt. En fil der alle radene hoppes over, rapporterer \
            ingenting og avvises.

            Eksempel:
              tunet attendance import oppmøte-mars.csv --provider 912345602
            """,
        "help.attendance.import.file": "Oppmøtefilen (CSV).",
        "help.attendance.import.provider": "Gården som sender inn; rader som nevner en annen gård, avvises (standard: organisasjonsnummeret på hver rad, slik at én fil kan gjelde flere gårder).",
        "help.attendance.import.dry-run": "Kontroller filen og vis hva som ville blitt endret, uten å lagre noe.",
        "help.attendance.import.again": "Importer filen som en ny innsending selv om den samme filen er importert før (etter at en senere fil endret noen av dagene).",
        "help.attendance.import.errors-out": "Når rader avvises, skriv også det innsendte arket med en feilkolonne til denne xlsx-filen.",

        "help.attendance.submissions.abstract": "List alle godtatte innsendinger av oppmøte.",
        "help.attendance.submissions.discussion": """
            Eksempel:
              tunet attendance submissions --provider 912345602 --json
            """,
        "help.attendance.submissions.provider": "Bare denne gården.",

        "help.attendance.status.abstract": "Per gård: planlagte deltakerdager, rapportert, mangler og oppmøteprosent.",
        "help.attendance.status.discussion": """
            Manglende dager er planlagte dager fram til i dag uten rapport. Oppmøteprosenten er dager med oppmøte ÷ \
            (oppmøte + fravær, meldt eller umeldt).

            Eksempel:
              tunet attendance status --month 2026-03
            """,
        "help.attendance.status.month": "Måneden, 2026-03.",

        "help.options.names.include-names": "Vis deltakernes navn (bare der en kommune har lagret dem); hver lesing logges.",
    ]
}
