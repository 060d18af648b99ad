extension Catalogue {
    /// Bokmål: hjelp til arbeidslaget, oppgavene og skolerutene (`tunet team`, `tunet task`, `tunet calendar`).
    static let nbHelpWorkTeam: [String: String] = [
        "help.team.abstract": "Det tverrfaglige arbeidslaget: eieren, medlemmene og sektorene deres.",
        "help.team.discussion": """
            Eksempler:
              tunet team add --name "Arbeidslag Inn på tunet" --municipality 3303 \\
                --owner Kommunedirektør
              tunet team member add --name "Kari Lia" --sector education --role leder
            """,
        "help.team.add.abstract": "Opprett et arbeidslag.",
        "help.team.add.discussion": """
            Eksempler:
              tunet team add --name "Arbeidslag Inn på tunet" --municipality 3303 \\
                --owner Kommunedirektør
              tunet team add --name "Arbeidslag Oslo og Viken" \\
                --municipality 0301,3201 --owner "Styringsgruppen"
            """,
        "help.team.add.name": "Navnet på arbeidslaget.",
        "help.team.add.municipality": "Kommunen; gjenta valget eller skill med komma for et interkommunalt samarbeid.",
        "help.team.add.owner": "Hvem som evaluerer arbeidslaget hvert år (rolle eller navn).",
        "help.team.show.abstract": "Vis et arbeidslag med medlemmene.",
        "help.team.show.discussion": """
            Eksempel:
              tunet team show
            """,
        "help.team.show.id": "Nummeret på arbeidslaget (trengs ikke når det bare finnes ett).",
        "help.team.list.abstract": "List opp arbeidslagene.",
        "help.team.list.discussion": """
            Eksempel:
              tunet team list --json
            """,
        "help.team.member.abstract": "Medlemmene i arbeidslaget.",
        "help.team.member.discussion": """
            Eksempler:
              tunet team member add --name "Per Haugen" --sector nav --role rådgiver
              tunet team member list
            """,
        "help.team.member.add.abstract": "Legg til et medlem.",
        "help.team.member.add.discussion": """
            Sektorer: education (oppvekst og utdanning), health_and_care (helse og omsorg), nav (NAV), \
            agriculture (landbruk), procurement (innkjøp), finance (økonomi), coordinating_unit (koordinerende enhet).

            Eksempel:
              tunet team member add --name "Kari Lia" --sector education --role leder \\
                --email kari@kommune.example
            """,
        "help.team.member.add.team": "Arbeidslaget (trengs ikke når det bare finnes ett).",
        "help.team.member.add.name": "Navn.",
        "help.team.member.add.sector": "Sektor.",
        "help.team.member.add.role": "Rollen i arbeidslaget.",
        "help.team.member.add.email": "E-post.",
        "help.team.member.list.abstract": "List opp medlemmene.",
        "help.team.member.list.discussion": """
            Eksempel:
              tunet team member list
            """,
        "help.team.member.list.team": "Arbeidslaget (trengs ikke når det bare finnes ett).",
        "help.team.member.remove.abstract": "Et medlem går ut av arbeidslaget (historikken blir stående); åpne oppgaver må overleveres først.",
        "help.team.member.remove.discussion": """
            Eksempel:
              tunet team member remove 4
            """,
        "help.team.member.remove.id": "Medlemsnummeret.",

        "help.task.abstract": "Arbeidslagets oppgaver: hver har et ansvarlig medlem, på tvers av sektorer, med historikk.",
        "help.task.discussion": """
            Eksempler:
              tunet task generate
              tunet task list --mine --overdue --as "Kari Lia"
              tunet task assign 7 --to "Per Haugen" --comment "NAV tar over oppfølgingen"
            """,
        "help.task.add.abstract": "Legg til en oppgave.",
        "help.task.add.discussion": """
            Uten --owner går oppgaven til det første aktive medlemmet i sektorene (i den rekkefølgen de er gitt), \
            ellers til arbeidslagets koordinerende enhet (et medlem i coordinating_unit), ellers til arbeidslagets \
            eier; kommandoen sier hvem som ble ansvarlig og hvorfor.

            Eksempel:
              tunet task add --title "Skaff politiattest fra Bergsetra" \\
                --kind police_certificate --sector education --owner "Kari Lia" \\
                --due 2026-12-15 --link provider:912346102
            """,
        "help.task.add.team": "Arbeidslaget (trengs ikke når det bare finnes ett).",
        "help.task.add.title": "Hva som skal gjøres.",
        "help.task.add.kind": "Type: {kinds}.",
        "help.task.add.sector": "En sektor som er involvert; gjenta valget eller skill med komma.",
        "help.task.add.owner": "Den ansvarlige: et medlems nummer, navn eller e-post (standard: valgt ut fra oppgavens sektorer).",
        "help.task.add.due": "Frist (YYYY-MM-DD eller DD.MM.YYYY).",
        "help.task.add.link": "Hva oppgaven gjelder: provider:ORGNR, agreement:REF, placement:ID, procurement:ID, pilot:ID, journey:ID, invoice:ID.",
        "help.task.list.abstract": "List opp åpne oppgaver, filtrert.",
        "help.task.list.discussion": """
            Eksempel:
              tunet task list --sector education --due-before 2027-01-01
            """,
        "help.task.list.mine": "Bare oppgaver du er ansvarlig for (medlemmet som --as eller TUNET_ACTOR navngir).",
        "help.task.list.overdue": "Bare oppgaver med passert frist.",
        "help.task.list.sector": "Bare oppgaver som involverer denne sektoren.",
        "help.task.list.due-before": "Bare oppgaver med frist før denne dagen (YYYY-MM-DD eller DD.MM.YYYY).",
        "help.task.list.all": "Ta også med utførte og avlyste oppgaver.",
        "help.task.list.team": "Arbeidslaget som oppgavene skal listes for (trengs når det finnes flere).",
        "help.task.list.every-team": "Oppgavene til alle arbeidslagene.",
        "help.task.show.abstract": "Vis en oppgave med hele historikken, overleveringer medregnet.",
        "help.task.show.discussion": """
            Eksempel:
              tunet task show 7
            """,
        "help.task.show.id": "Oppgavenummeret.",
        "help.task.assign.abstract": "Overlever en oppgave til et annet medlem (gjerne i en annen sektor); historikken viser hvem, når og hvorfor.",
        "help.task.assign.discussion": """
            Eksempel:
              tunet task assign 7 --to "Per Haugen" --comment "NAV tar over"
            """,
        "help.task.assign.id": "Oppgavenummeret.",
        "help.task.assign.to": "Den nye ansvarlige: nummer, navn eller e-post.",
        "help.task.assign.comment": "Hvorfor, til den nye ansvarlige.",
        "help.task.start.abstract": "Merk en oppgave som påbegynt.",
        "help.task.start.discussion": """
            Eksempel:
              tunet task start 7
            """,
        "help.task.start.id": "Oppgavenummeret.",
        "help.task.done.abstract": "Merk en oppgave som utført.",
        "help.task.done.discussion": """
            Eksempel:
              tunet task done 7 --comment "Attest mottatt"
            """,
        "help.task.done.id": "Oppgavenummeret.",
        "help.task.done.comment": "En avsluttende kommentar.",
        "help.task.cancel.abstract": "Avlys en oppgave, med begrunnelse.",
        "help.task.cancel.discussion": """
            Eksempel:
              tunet task cancel 7 --reason "Avtalen er sagt opp"
            """,
        "help.task.cancel.id": "Oppgavenummeret.",
        "help.task.cancel.reason": "Hvorfor (må oppgis).",
        "help.task.comment.abstract": "Skriv en kommentar i historikken til en oppgave.",
        "help.task.comment.discussion": """
            Eksempel:
              tunet task comment 7 --text "Ringt gården, svar fredag"
            """,
        "help.task.comment.id": "Oppgavenummeret.",
        "help.task.comment.text": "Kommentaren.",
        "help.task.generate.abstract": "Kjør reglene og opprett oppgavene de finner; en ny kjøring oppretter ikke noe nytt.",
        "help.task.generate.discussion": """
            Regler og terskler (hvert valg endrer én):
              godkjenning        den eksterne revisjonen av en IPT-godkjenning forfaller
                                 innen --approval-days ({approval_days}) dager
              politiattest       en gård med elever har ingen, eller den utløper innen
                                 --police-certificate-days ({police_certificate_days}) dager; gyldig i {police_certificate_years} år
              opsjon             fristen for å ta stilling til en opsjon er innen
                                 --option-days ({option_days}) dager
              maksimalverdi      bundet + brukt når --ceiling-warning ({ceiling_warning})
                                 eller --ceiling-full ({ceiling_full}) prosent av maksimalverdien
              oppmøte            forrige måneds oppmøte mangler på dag
                                 --attendance-day ({attendance_day}) i måneden
              oppfølging         neste oppfølgingssamtale skal holdes innen
                                 --follow-up-days ({follow_up_days}) dager
              karensperiode      en karensperiode slutter innen
                                 --standstill-days ({standstill_days}) dager
              pilotevaluering    en pilots årlige eller endelige evaluering forfaller
                                 innen --pilot-evaluation-days ({pilot_evaluation_days}) dager
              forsikring         forsikringen til en aktiv gård utløper innen
                                 --insurance-days ({insurance_days}) dager, eller har utløpt
              fornyelse          en avtale utløper innen --renewal-days ({renewal_days}) dager
                                 uten opsjon igjen eller med fristen passert:
                                 en ny konkurranse må planlegges
              skolerute          elever er plassert i et skoleår (1. august til
                                 31. juli) som kommunen deres ikke har skolerute
                                 for; last den inn med
                                 `tunet calendar school import FIL`
              forløp             en person har ventet lenger enn --journey-days
                                 ({journey_days}) dager i et steg før oppfølging
                                 (henvisning, samtale, behov, nettverk)
              faktura            EHF-fakturaen fra en gård avviker fra
                                 fakturagrunnlaget (`tunet invoice check`);
                                 vilkåret er borte når en kreditnota eller en
                                 ny kontroll får dem til å stemme
            En oppgave der vilkåret ikke lenger gjelder, sier det i historikken.

            Ansvarlig: en oppgave går til det første aktive medlemmet i sektorene, ellers til den koordinerende \
            enheten (et medlem i coordinating_unit), ellers til arbeidslagets eier; kommandoen sier hvem og \
            hvorfor når oppgaven går utenfor sektorene.

            Eksempel:
              tunet task generate --today 2026-12-05
            """,
        "help.task.generate.today": "Kjør reglene som om det var denne dagen (standard i dag).",
        "help.task.generate.team": "Opprett bare dette arbeidslagets oppgaver (standard: alle arbeidslagenes).",
        "help.task.generate.approval-days": "Dager før den eksterne revisjonen av en godkjenning forfaller.",
        "help.task.generate.police-certificate-days": "Dager før en politiattest utløper.",
        "help.task.generate.option-days": "Dager før fristen for å ta stilling til en opsjon.",
        "help.task.generate.ceiling-warning": "Prosent av avtalens maksimalverdi som gir et varsel.",
        "help.task.generate.ceiling-full": "Prosent av avtalens maksimalverdi som regnes som fullt.",
        "help.task.generate.attendance-day": "Dagen i måneden da forrige måneds oppmøte skal være rapportert.",
        "help.task.generate.follow-up-days": "Dager før en oppfølgingssamtale skal holdes.",
        "help.task.generate.standstill-days": "Dager før en karensperiode slutter.",
        "help.task.generate.pilot-evaluation-days": "Dager før en pilots evaluering forfaller.",
        "help.task.generate.insurance-days": "Dager før forsikringen til en gård utløper.",
        "help.task.generate.renewal-days": "Dager før en avtale som ikke kan forlenges, utløper (standard: TUNET_RENEWAL_DAYS, ellers {renewal_days}).",
        "help.task.generate.journey-days": "Dager en person kan vente i et steg før oppfølging.",

        "help.calendar.abstract": "Den norske kalenderen: helligdager (beregnet) og skoleferier for hver kommune.",
        "help.calendar.discussion": """
            Eksempler:
              tunet calendar school show --municipality 1866 --year 2026
              tunet calendar school import skoleruter.csv
            """,
        "help.calendar.school.abstract": "Skoleferier, når elevene ikke er på gården.",
        "help.calendar.school.discussion": """
            Eksempel:
              tunet calendar school set --municipality 1866 --from 2026-10-05 \\
                --to 2026-10-09 --name Høstferie
            """,
        "help.calendar.school.set.abstract": "Legg til en skoleferie i skoleruten til en kommune.",
        "help.calendar.school.set.discussion": """
            Eksempel:
              tunet calendar school set --municipality 1866 --from 2026-10-05 \\
                --to 2026-10-09 --name Høstferie
            """,
        "help.calendar.school.set.municipality": "Kommunenummer.",
        "help.calendar.school.set.from": "Første fridag (YYYY-MM-DD eller DD.MM.YYYY).",
        "help.calendar.school.set.to": "Siste fridag.",
        "help.calendar.school.set.name": "Navnet på ferien.",
        "help.calendar.school.import.abstract": "Erstatt skolerutene til kommunene i en CSV-fil, alt eller ingenting.",
        "help.calendar.school.import.discussion": """
            Format: Contracts/school-calendar-csv.md.

            Eksempel:
              tunet calendar school import skoleruter.csv --dry-run
            """,
        "help.calendar.school.import.file": "CSV-filen.",
        "help.calendar.school.import.dry-run": "Kontroller uten å lagre.",
        "help.calendar.school.show.abstract": "Vis skoleferiene i en kommune og, for et år, helligdagene.",
        "help.calendar.school.show.discussion": """
            Eksempel:
              tunet calendar school show --municipality 1866 --year 2026
            """,
        "help.calendar.school.show.municipality": "Kommunenummer.",
        "help.calendar.school.show.year": "Bare dette året (viser også helligdagene).",
    ]
}
