extension Catalogue {
    /// Bokmål: hjelp til drift og vedlikehold av Tunet (`tunet token`, `serve`, `backup`, `restore`, `copy`,
    /// `privacy`, `demo`, `synthetic`) og tjenestens grenser.
    static let nbHelpAdministration: [String: String] = [
        "help.token.abstract": "Tilgangsnøkler til tjenesten: vises én gang, lagres bare som en SHA-256-hash.",
        "help.token.discussion": """
            Eksempler:
              tunet token issue --provider 912345602 --label "Lia gård, regnskap"
              tunet token issue --role leader --municipality 3303 --expires 2027-06-30
              tunet token issue --role work-team --municipality 0301,3316,3326,3107,3222
              tunet token issue --pilot "Demens Oslo og Viken"
              tunet token issue --role national
              tunet token revoke 3
            """,
        "help.token.issue.abstract": "Utsted en tilgangsnøkkel og skriv den ut én gang.",
        "help.token.issue.discussion": """
            En gårds nøkkel ser gårdens egne plasseringer og innsendinger i alle kommunene den leverer til. En \
            prosjektleders eller et arbeidslags nøkkel ser kommunene som er oppgitt (--municipality, kan gjentas \
            eller skilles med komma), kommunene i en pilot (--pilot, for en prosjektleder i fylket) eller, på en \
            kommunes egen server, hele tjenesten (--every-municipality). En nasjonal lesers nøkkel får bare antall \
            og beløp, aldri en deltaker.

            Eksempel:
              tunet token issue --role leader --municipality 3303 --expires 2027-12-31
            """,
        "help.token.issue.provider": "Gården nøkkelen tilhører (organisasjonsnummer).",
        "help.token.issue.role": "provider (tilbyder, standard), leader (prosjektleder), work-team (arbeidslag) eller national (nasjonal leser).",
        "help.token.issue.municipality": "En kommune nøkkelen ser (for en prosjektleder eller et arbeidslag); gjenta valget eller skill med komma.",
        "help.token.issue.pilot": "En pilot, med nummer eller navn, der en prosjektleder i fylket skal se kommunene.",
        "help.token.issue.every-municipality": "En nøkkel for en prosjektleder eller et arbeidslag som ser alle kommunene i denne tjenesten.",
        "help.token.issue.expires": "Siste dag nøkkelen er gyldig (standard ett år).",
        "help.token.issue.label": "En merkelapp å kjenne den igjen på.",
        "help.token.list.abstract": "List opp tilgangsnøklene (aldri selve nøklene).",
        "help.token.list.discussion": """
            Eksempel:
              tunet token list
            """,
        "help.token.revoke.abstract": "Trekk tilbake en tilgangsnøkkel med en gang.",
        "help.token.revoke.discussion": """
            Eksempel:
              tunet token revoke 3
            """,
        "help.token.revoke.id": "Nummeret på nøkkelen.",

        "help.serve.abstract": "Kjør HTTP-tjenesten for gårdene (opplasting av oppmøte, maler, plasseringer, rapporter).",
        "help.serve.discussion": """
            API-et er beskrevet på /openapi.yaml (Contracts/openapi.yaml, levert som den er); gårder og \
            prosjektledere logger inn på nettsidene på / med tilgangsnøkkelen sin.

            Eksempler:
              tunet serve --port 8080
              curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" \\
                --data-binary @mars.csv http://127.0.0.1:8080/v1/attendance

            SIGTERM eller SIGINT stopper tjenesten: den slutter å ta imot tilkoblinger, lar forespørslene som er \
            i gang bli ferdige (i høyst --drain-timeout sekunder), lukker databasen og avslutter med 0.
            """,
        "help.serve.host": "Adressen tjenesten lytter på.",
        "help.serve.port": "Porten (0 velger en ledig port og skriver den ut).",
        "help.serve.body-limit-mb": "Den største forespørselen som tas imot, i MB.",
        "help.options.serve-limits.max-connections": "Flest tilkoblinger åpne samtidig; én til får svaret 503 (standard: $TUNET_MAX_CONNECTIONS, ellers 512).",
        "help.options.serve-limits.body-memory-mb": "MB alle forespørslenes innhold kan ta samtidig; en opplasting utover det får 503 (standard: $TUNET_BODY_MEMORY_MB, ellers 100).",
        "help.options.serve-limits.header-timeout": "Sekunder fra første byte i en forespørsel til slutten av hodene (standard: $TUNET_HEADER_TIMEOUT, ellers 10).",
        "help.options.serve-limits.body-timeout": "Sekunder fra hodene i en forespørsel til slutten av innholdet (standard: $TUNET_BODY_TIMEOUT, ellers 120).",
        "help.options.serve-limits.idle-timeout": "Sekunder en tilkobling kan være stille før den lukkes (standard: $TUNET_IDLE_TIMEOUT, ellers 30).",
        "help.options.serve-limits.drain-timeout": "Sekunder forespørsler som er i gang, får på å bli ferdige etter SIGTERM eller SIGINT (standard: $TUNET_DRAIN_TIMEOUT, ellers 30).",
        "help.options.serve-limits.trusted-proxy": "En omvendt proxy (IP-adressen) der X-Forwarded-For navngir den besøkende, som mislykkede innlogginger telles etter; gjenta for flere (standard: $TUNET_TRUSTED_PROXIES, kommaseparert).",

        "help.backup.abstract": "Kopier databasen til en ny fil, konsistent, også mens `tunet serve` skriver.",
        "help.backup.discussion": """
            Eksempel:
              tunet backup /var/backups/tunet-2026-11-23.sqlite
            """,
        "help.backup.path": "Den nye sikkerhetskopifilen (en fil som finnes, beholdes uten --force).",

        "help.restore.abstract": "Erstatt innholdet i databasen med en sikkerhetskopi, etter å ha kontrollert integriteten og skjemaversjonen.",
        "help.restore.discussion": """
            Alt i den nåværende databasen erstattes; --yes bekrefter det. Avvises mens en annen prosess (en \
            `tunet serve` som kjører) har databasen åpen: stopp den først. Tilgangsnøkler som er trukket tilbake \
            etter sikkerhetskopien, forblir tilbaketrukket, og utskriften navngir hver bekreftet innsending som \
            sikkerhetskopien ikke har. En sikkerhetskopi fra en eldre Tunet oppgraderes; en fra en nyere Tunet \
            eller en som ikke består integritetskontrollen i SQLite, avvises, og ingenting endres.

            Eksempel:
              tunet restore /var/backups/tunet-2026-11-23.sqlite --yes
            """,
        "help.restore.path": "Sikkerhetskopifilen.",
        "help.restore.yes": "Bekreft at det nåværende innholdet erstattes.",

        "help.copy.abstract": "Kopier en kommunes SQLite-database inn i en felles PostgreSQL-database, alt eller ingenting, med revisjonsloggen.",
        "help.copy.discussion": """
            Eksempel:
              tunet copy --from kongsberg.sqlite --to postgres://tunet@db.example.no/ipt
            """,
        "help.copy.from": "Kommunens SQLite-fil.",
        "help.copy.to": "Den felles databasen (postgres://BRUKER@VERT:PORT/DATABASE); passordet fra PGPASSWORD eller ~/.pgpass.",

        "help.privacy.abstract": "Personopplysninger: hva som er lagret, sletting for en deltaker, sletting etter lagringstid.",
        "help.privacy.discussion": """
            Eksempler:
              tunet privacy report
              tunet privacy erase --participant P-2026-0042 --yes
              tunet privacy retention --older-than 5y
            """,
        "help.privacy.report.abstract": "List opp personopplysningene som er lagret, og hvor lenge de har vært lagret.",
        "help.privacy.report.discussion": """
            Eksempel:
              tunet privacy report --json
            """,
        "help.privacy.erase.abstract": "Slett navnet og friteksten til en deltaker (også fra tidligere øyeblikksbilder i revisjonsloggen); oppmøte og beløp blir stående.",
        "help.privacy.erase.discussion": """
            Eksempel:
              tunet privacy erase --participant P-2026-0042 --yes
            """,
        "help.privacy.erase.participant": "Deltakerkoden.",
        "help.privacy.erase.yes": "Bekreft: slettingen kan ikke angres.",
        "help.privacy.retention.abstract": "Slett deltakere der alle plasseringene sluttet for lengre tid siden enn tiden som er oppgitt (viser dem først, uten --yes).",
        "help.privacy.retention.discussion": """
            Eksempel:
              tunet privacy retention --older-than 5y --yes
            """,
        "help.privacy.retention.older-than": "En tid som 5y (år) eller 18m (måneder).",
        "help.privacy.retention.yes": "Slett dem (uten dette valget listes de bare opp).",

        "help.demo.abstract": "Bygg en realistisk demodatabase (Kongsberg og pilotkommunene i Nordland og Oslo/Viken).",
        "help.demo.discussion": """
            Demoen bygges bare i en tom eller ny database; --replace sletter filen først.

            Eksempler:
              tunet demo
              tunet demo --database /tmp/demo.sqlite --replace
            """,
        "help.demo.replace": "Slett databasefilen først hvis den finnes.",

        "help.synthetic.abstract": "Bygg et deterministisk, oppdiktet nasjonalt datasett for ytelsesmålinger og belastningstester.",
        "help.synthetic.discussion": """
            Gårder spredt over alle kommuner (gyldige, oppdiktede organisasjonsnumre), avtaler med elleve gårder \
            hver, og plasseringer to dager i uken hele året. Med --attendance skrives også oppmøtet gårdene ville \
            rapportert for hver planlagte dag, som én semikolonseparert CSV-fil som navngir gården på hver rad \
            (importer den uten --provider). Bare i en tom database; de samme tallene og det samme frøet gir alltid \
            de samme dataene. Nasjonal skala (standardverdiene) er det Benchmarks/ måler.

            Eksempler:
              tunet synthetic --database nasjonal.sqlite \\
                --attendance nasjonal-2025.csv
              tunet synthetic --database liten.sqlite --farms 4 --placements 200 \\
                --attendance liten.csv
            """,
        "help.synthetic.farms": "Antall gårder.",
        "help.synthetic.placements": "Antall plasseringer, fordelt jevnt på gårdene.",
        "help.synthetic.year": "Året plasseringene varer gjennom (oppmøtedatoer kan ikke ligge fram i tid).",
        "help.synthetic.years": "Hvor mange år (1–4), fra --year, plasseringene varer gjennom.",
        "help.synthetic.seed": "Frøet for de pseudotilfeldige valgene (priser, statuser).",
        "help.synthetic.attendance": "Skriv også årets oppmøte til denne CSV-filen.",
        "help.synthetic.attendance-rows": "Høyst så mange oppmøterader.",
    ]
}
