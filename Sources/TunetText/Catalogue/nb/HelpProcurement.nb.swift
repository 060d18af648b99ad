extension Catalogue {
    /// Bokmål: hjelpen til konkurranser, tilbud, tildeling og tildelingsbrev.
    static let nbHelpProcurement: [String: String] = [
        "help.procurement.abstract": "Konkurranser som ender i rammeavtaler: utkast → åpen → evaluering → tildelt → avtale inngått.",
        "help.procurement.discussion": """
            Eksempel, fra utkast til avtale:
              tunet procurement create --title "IPT skole Nordland" \\
                --target-groups pupils --municipality 1866 --municipality 1837 \\
                --estimated-value 3200000
              tunet procurement criteria 1 --criterion Pris:40:price \\
                --criterion Kvalitet:60 --price-line full_day:day:2000 \\
                --price-line transport:trip:800 --deadline 2026-03-01
              tunet procurement open 1
              tunet procurement tender 1 --provider 923456104 --price full_day=1200 \\
                --price transport=300 --score Kvalitet=8
              tunet procurement evaluate 1
              tunet procurement award 1 --winners 2
              tunet procurement letters 1 -o tildelingsbrev
              tunet procurement conclude 1 --reference 2026/310 --start 2026-08-01 \\
                --end 2028-07-31 --maximum-value 3500000
            """,

        "help.procurement.create.abstract": "Start en konkurranse og se hvilke regler den anslåtte verdien gir.",
        "help.procurement.create.discussion": """
            Terskelverdier (kr ekskl. mva., fra 2024): under 100 000 utenfor regelverket; 1 300 000 nasjonal \
            (del II, Doffin); 2 300 000 EØS for alminnelige kommunale tjenester (del III); 7 800 000 EØS for \
            helse- og sosialtjenester, undervisning og andre særlige tjenester (del IV kapittel 30).

            Eksempler:
              tunet procurement create --title "IPT dagaktivitet" \\
                --target-groups dementia --municipality 3316 --estimated-value 9000000
              tunet procurement create --title "IPT dagaktivitet, ideelle" \\
                --target-groups dementia --municipality 3316 --estimated-value 9000000 \\
                --reserved-for-non-profits
            """,
        "help.procurement.create.title": "Tittel.",
        "help.procurement.create.target-groups": "Målgrupper: pupils (elever), dementia (personer med demens), other (andre).",
        "help.procurement.create.municipality": "Kommunenummer; gjenta for felles innkjøp.",
        "help.procurement.create.estimated-value": "Anslått verdi i kroner ekskl. mva. for hele den mulige varigheten, opsjoner medregnet.",
        "help.procurement.create.category": "special (helse, sosial, undervisning: standard) eller general (alminnelige tjenester).",
        "help.procurement.create.reserved-for-non-profits": "Reserver konkurransen for ideelle organisasjoner: bare gårder med registrert grunnlag som ideell kan gi tilbud. Tillatt for særlige tjenester over EØS-terskelverdien (del IV kapittel 30).",

        "help.procurement.criteria.abstract": "Fastsett tildelingskriteriene (vekter som summerer til 100, ett av dem prisen), prisskjemaet og tilbudsfristen.",
        "help.procurement.criteria.discussion": """
            Eksempel:
              tunet procurement criteria 1 --criterion Pris:40:price \\
                --criterion Kvalitet:35 --criterion "Faglig opplegg:25" \\
                --price-line full_day:day:2000 --price-line transport:trip:800 \\
                --deadline 2026-03-01
            """,
        "help.procurement.criteria.id": "Anskaffelsens nummer.",
        "help.procurement.criteria.criterion": "NAVN:VEKT, eller NAVN:VEKT:price for priskriteriet; gjenta.",
        "help.procurement.criteria.price-line": "LINJE:ENHET:MENGDE i prisskjemaet (mengden vekter linjen i evalueringen); gjenta.",
        "help.procurement.criteria.deadline": "Tilbudsfristen (YYYY-MM-DD eller DD.MM.YYYY).",

        "help.procurement.open.abstract": "Åpne konkurransen for tilbud.",
        "help.procurement.open.discussion": """
            Eksempel:
              tunet procurement open 1
            """,
        "help.procurement.open.id": "Anskaffelsens nummer.",

        "help.procurement.show.abstract": "Vis en konkurranse: regelverk, kriterier, tilbud, evalueringen og tildelingen.",
        "help.procurement.show.discussion": """
            Eksempel:
              tunet procurement show 1
            """,
        "help.procurement.show.id": "Anskaffelsens nummer.",

        "help.procurement.list.abstract": "List konkurranser.",
        "help.procurement.list.discussion": """
            Eksempel:
              tunet procurement list --state open
            """,
        "help.procurement.list.state": "Bare denne tilstanden: draft, open, evaluating, awarded, concluded, cancelled.",

        "help.procurement.tender.abstract": "Registrer et tilbud fra en tilbyder: en pris for hver linje i prisskjemaet, eventuelt med kvalitetspoeng.",
        "help.procurement.tender.discussion": """
            Et tilbud etter fristen avvises, med mindre --late-reason sier hvorfor det tas imot (logges).

            Eksempel:
              tunet procurement tender 1 --provider 923456104 --price full_day=1200 \\
                --price transport=300 --score Kvalitet=8
            """,
        "help.procurement.tender.id": "Anskaffelsens nummer.",
        "help.procurement.tender.provider": "Organisasjonsnummeret til tilbyderen som gir tilbudet.",
        "help.procurement.tender.price": "LINJE=BELØP for hver linje i prisskjemaet.",
        "help.procurement.tender.score": "KRITERIUM=POENG (0–10) for et kvalitetskriterium.",
        "help.procurement.tender.received": "Dagen tilbudet kom inn (standard: i dag).",
        "help.procurement.tender.late-reason": "Hvorfor et tilbud som kom etter fristen, tas imot.",

        "help.procurement.score.abstract": "Legg inn evaluatorenes kvalitetspoeng for et tilbud.",
        "help.procurement.score.discussion": """
            Eksempel:
              tunet procurement score 1 --provider 923456104 --score Kvalitet=8 \\
                --score "Faglig opplegg=7"
            """,
        "help.procurement.score.id": "Anskaffelsens nummer.",
        "help.procurement.score.provider": "Tilbyderen som ga tilbudet.",
        "help.procurement.score.score": "KRITERIUM=POENG (0–10); gjenta.",

        "help.procurement.evaluate.abstract": "Ranger tilbudene etter fristen: prispoeng, kvalitetspoeng, vektet sum.",
        "help.procurement.evaluate.discussion": """
            Prispoeng = laveste evaluerte pris ÷ tilbudets evaluerte pris × 10, der den evaluerte prisen er \
            Σ mengde × pris over prisskjemaet. Kvalitetspoengene er evaluatorenes 0–10. Sum = Σ vekt × poeng ÷ 100, \
            med tre desimaler. Ved likhet: lavest evaluert pris, så flest kvalitetspoeng, så det tidligste tilbudet, \
            så organisasjonsnummeret.

            Eksempel:
              tunet procurement evaluate 1 --json
            """,
        "help.procurement.evaluate.id": "Anskaffelsens nummer.",

        "help.procurement.award.abstract": "Tildel kontrakten og start karensperioden der regelverket krever en.",
        "help.procurement.award.discussion": """
            Over EØS-terskelverdiene er karensperioden påkrevd: 10 kalenderdager etter en elektronisk \
            tildelingsmeddelelse, ellers 15, og --standstill-days kan gjøre den lengre, ikke kortere. Under \
            terskelverdiene (eller utenfor forskriften) er det ingen, og avtalen kan inngås straks, med mindre \
            --standstill-days ber om en frivillig karensperiode, som da holdes og logges på samme måte.

            Eksempler:
              tunet procurement award 1 --winners 2
              tunet procurement award 1 --winner 923456104 --notice-date 2026-03-10 \\
                --not-electronic
              tunet procurement award 2 --winners 1 --standstill-days 10
            """,
        "help.procurement.award.id": "Anskaffelsens nummer.",
        "help.procurement.award.winner": "En tilbyder som vinner; gjenta. Avtalen rangerer dem etter evalueringen.",
        "help.procurement.award.winners": "Tildel til de N beste tilbudene.",
        "help.procurement.award.notice-date": "Dagen tildelingsmeddelelsen gikk til alle tilbyderne (standard: i dag).",
        "help.procurement.award.not-electronic": "Meddelelsen ble ikke sendt elektronisk (15 dagers karensperiode).",
        "help.procurement.award.standstill-days": "En karensperiode på så mange dager: lengre enn påkrevd, eller frivillig der ingen er påkrevd.",

        "help.procurement.conclude.abstract": "Inngå rammeavtalen med vinnerne og de tilbudte prisene når karensperioden er over.",
        "help.procurement.conclude.discussion": """
            Eksempel:
              tunet procurement conclude 1 --reference 2026/310 --start 2026-08-01 \\
                --end 2028-07-31 --option 12:2028-04-30 --maximum-value 3500000 \\
                --kpi-base 2026M01 --kpi-month 10
            """,
        "help.procurement.conclude.id": "Anskaffelsens nummer.",
        "help.procurement.conclude.reference": "Avtalens referanse (saksnummer).",
        "help.procurement.conclude.title": "Tittel (standard: anskaffelsens).",
        "help.procurement.conclude.start": "Første dag.",
        "help.procurement.conclude.end": "Siste dag uten opsjoner.",
        "help.procurement.conclude.option": "En opsjon på forlengelse MÅNEDER:BESLUTNINGSFRIST; gjenta.",
        "help.procurement.conclude.maximum-value": "Maksimalverdi i kroner (påkrevd).",
        "help.procurement.conclude.maximum-participant-days": "Høyeste antall deltakerdager, om ønsket.",
        "help.procurement.conclude.call-off": "Avropsmetode: direct, ranking (standard), criteria, mini_competition.",
        "help.procurement.conclude.allocation-criteria": "Tildelingskriterier for avrop (ved --call-off criteria).",
        "help.procurement.conclude.absence-rule": "Fakturerbart fravær: present_only (standard), bill_unannounced_absence, bill_all_absence.",
        "help.procurement.conclude.transport-billing": "billable_days (standard) eller as_reported: hvilke rapporterte turer som faktureres.",
        "help.procurement.conclude.allows-extra-days": "Tilbyderne kan rapportere ekstra dager.",
        "help.procurement.conclude.kpi-base": "Basismåned for KPI.",
        "help.procurement.conclude.kpi-month": "Måneden indeksen leses av hvert år.",
        "help.procurement.conclude.kpi-effective-month": "Måneden de justerte prisene gjelder fra.",
        "help.procurement.conclude.special-reason": "Hvorfor avtalen kan vare lenger enn 4 år.",

        "help.procurement.cancel.abstract": "Avlys konkurransen, med en begrunnelse.",
        "help.procurement.cancel.discussion": """
            Eksempel:
              tunet procurement cancel 1 --reason "Ingen akseptable tilbud"
            """,
        "help.procurement.cancel.id": "Anskaffelsens nummer.",
        "help.procurement.cancel.reason": "Hvorfor (påkrevd, logges).",

        "help.procurement.letters.abstract": "Skriv tildelingsbrevene (meddelelse om tildeling): ett per tilbyder, som HTML som skrives ut på A4.",
        "help.procurement.letters.discussion": """
            Etter `procurement award` får alle tilbyderne samtidig vite hvem som vant, egne poeng per kriterium \
            og egen plassering, vinnernes relative fordeler og siste dag i karensperioden. Hvert brev er én \
            selvstendig HTML-fil som alle nettlesere åpner og kan skrive ut til PDF; mappen opprettes om den mangler. \
            At brevene er skrevet, føres i revisjonsloggen med dagen og tilbyderne.

            Eksempel:
              tunet procurement letters 1 -o tildelingsbrev
            """,
        "help.procurement.letters.id": "Anskaffelsens nummer.",
        "help.procurement.letters.output": "Mappen brevene skrives til.",
    ]
}
