import Foundation
import Testing

/// The ceiling forecast as `agreement show` and `agreement consumption` tell it, for an agreement younger than
/// the forecast's 90 days.
@Suite("The ceiling forecast in tunet agreement show and consumption")
struct CeilingForecastCommandTests {
    static let setupDay = ["TUNET_TODAY": "2026-10-01"]

    /// Lia gård under 2026/F-1 from 1 October 2026 (53 days before the tests' today, 23 November), to 31 March 2027
    /// with a 12-month option, maximum NOK 36 000 at NOK 1 000 a day: a person with dementia placed on the Mondays
    /// from 5 October to 28 December, none of them reported yet. 2026/F-2 has no placements.
    func placed() throws -> TunetProcess {
        let tunet = try TunetProcess()
        let setup = [
            ["provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303", "--target-groups", "dementia",
             "--places-per-day", "4", "--open-weekdays", "mon-fri", "--approval-date", "2026-05-02"],
            ["agreement", "add", "--reference", "2026/F-1", "--title", "Inn på tunet Kongsberg", "--municipality", "3303",
             "--provider", "974760673:1", "--target-groups", "dementia", "--start", "2026-10-01", "--end", "2027-03-31",
             "--option", "12:2027-01-31", "--estimated-value", "36000", "--maximum-value", "36000", "--call-off", "ranking",
             "--price", "974760673:full_day:day:1000"],
            ["agreement", "add", "--reference", "2026/F-2", "--title", "Inn på tunet Kongsberg II", "--municipality", "3303",
             "--provider", "974760673:1", "--target-groups", "dementia", "--start", "2026-10-01", "--end", "2027-03-31",
             "--estimated-value", "36000", "--maximum-value", "36000", "--call-off", "ranking",
             "--price", "974760673:full_day:day:1000"],
            ["placement", "add", "--agreement", "2026/F-1", "--kind", "dementia", "--municipality", "3303",
             "--weekdays", "mon", "--start", "2026-10-05", "--end", "2026-12-28", "--decision", "HO-2026/1"],
        ]
        for arguments in setup {
            let result = try tunet.run(arguments, environment: Self.setupDay)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return tunet
    }

    @Test("show: the pace is taken over the 53 days the agreement has run, and the forecast is marked for attention")
    func show() throws {
        let tunet = try placed()
        let english = try tunet.run("agreement", "show", "2026/F-1")
        #expect(english.status == 0, "\(english.stderr)")
        let forecast = try #require(english.stdout.split(separator: "\n").first { $0.hasPrefix("Forecast") })
        #expect(forecast.contains("At this pace the maximum value is reached on "))
        #expect(forecast.hasSuffix("(note: before the agreement ends or within a new competition's lead time)"))
        let pace = try #require(english.stdout.split(separator: "\n").first { $0.hasPrefix("Pace") })
        // Seven Mondays planned in the 53 days, NOK 7 000: NOK 132.08 a day.
        #expect(pace.hasSuffix("132.08 a day (average of the last 53 days)"), "\(pace)")
        #expect(!english.stdout.contains("90 days"))

        let bokmål = try tunet.run(["agreement", "show", "2026/F-1"], environment: ["TUNET_LANG": "nb"])
        let prognose = try #require(bokmål.stdout.split(separator: "\n").first { $0.hasPrefix("Prognose") })
        #expect(prognose.contains("Med dagens tempo nås maksimalverdien "))
        #expect(prognose.hasSuffix("(obs: før avtalen utløper eller innen ledetiden for en ny konkurranse)"))
        let tempo = try #require(bokmål.stdout.split(separator: "\n").first { $0.hasPrefix("Tempo") })
        #expect(tempo.hasSuffix("132,08 per dag (snitt for de siste 53 dagene)"), "\(tempo)")

        let json = try tunet.json(try tunet.run("agreement", "show", "2026/F-1", "--json")) as? [String: Any]
        #expect((json?["ceiling_forecast"] as? [String: Any])?["window_days"] as? Int == 53)
        #expect(json?["ceiling_forecast_early"] as? Bool == true)
    }

    @Test("consumption: an early forecast is marked ! in the table and told in a sentence under it; a calm one is not")
    func consumption() throws {
        let tunet = try placed()
        let result = try tunet.run("agreement", "consumption")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let early = try #require(lines.first { $0.hasPrefix("2026/F-1 ") })
        let calm = try #require(lines.first { $0.hasPrefix("2026/F-2 ") })
        #expect(early.contains(" !"))
        #expect(!calm.contains("!"))
        let sentences = lines.filter { $0.hasPrefix("2026/F-1: ") }
        #expect(sentences.count == 1)
        #expect(sentences.first?.hasPrefix("2026/F-1: At this pace the maximum value is reached on ") == true)
        #expect(!lines.contains { $0.hasPrefix("2026/F-2: ") })
    }

    @Test("TUNET_RENEWAL_DAYS is one lead time for show, consumption and the ceiling task: early from 219 days, the forecast day's distance")
    func renewalDays() throws {
        let tunet = try placed()
        #expect(try tunet.run("team", "add", "--name", "Arbeidslag Kongsberg", "--municipality", "3303", "--owner", "Kommunedirektør").status == 0)
        // The forecast day, 2027-06-30, is 219 days ahead: after the current end (2027-03-31), before the end with the option.
        let shorter = ["TUNET_RENEWAL_DAYS": "218"]
        let calm = try tunet.json(try tunet.run(["agreement", "show", "2026/F-1", "--json"], environment: shorter)) as? [String: Any]
        #expect(calm?["ceiling_forecast_early"] as? Bool == false)
        #expect((calm?["ceiling_forecast"] as? [String: Any])?["date"] as? String == "2027-06-30")
        #expect(!(try tunet.run(["agreement", "show", "2026/F-1"], environment: shorter)).stdout.contains("(note:"))
        let calmTable = try tunet.run(["agreement", "consumption"], environment: shorter).stdout
        #expect(!calmTable.contains("!") && !calmTable.contains("2026/F-1: "), "\(calmTable)")
        let notRaised = try tunet.run(["task", "generate"], environment: shorter)
        #expect(notRaised.status == 0, "\(notRaised.stderr)")
        #expect(!notRaised.stdout.contains("At this pace"), "\(notRaised.stdout)")

        let enough = ["TUNET_RENEWAL_DAYS": "219"]
        let early = try tunet.json(try tunet.run(["agreement", "show", "2026/F-1", "--json"], environment: enough)) as? [String: Any]
        #expect(early?["ceiling_forecast_early"] as? Bool == true)
        let earlyTable = try tunet.run(["agreement", "consumption"], environment: enough).stdout
        #expect(earlyTable.contains("2027-06-30 !"), "\(earlyTable)")
        let raised = try tunet.run(["task", "generate"], environment: enough)
        #expect(raised.stdout.contains("Agreement 2026/F-1: At this pace the maximum value is reached on 2027-06-30"), "\(raised.stdout)")

        let refused = try tunet.run(["agreement", "show", "2026/F-1"], environment: ["TUNET_RENEWAL_DAYS": "0"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("TUNET_RENEWAL_DAYS: give a new competition's lead time in days, a whole number from 1 to 3,650"), "\(refused.stderr)")
    }

    /// The agreements export's two forecast columns of each agreement, and whether each cell is highlighted.
    static let forecastColumns = """
        import openpyxl
        ws = openpyxl.load_workbook('avtaler.xlsx')['Avtaler']
        headers = [c.value for c in ws[1]]
        day, text = headers.index('Maks. nås (prognose)') + 1, headers.index('Prognose for maksimalverdien') + 1
        def shown(cell):
            marked = cell.fill is not None and cell.fill.fill_type is not None and cell.fill.fgColor.rgb.endswith('FCE4D6')
            value = cell.value.date().isoformat() if hasattr(cell.value, 'date') else cell.value
            return '%s (%s)' % (value, 'marked' if marked else 'plain')
        for row in range(2, ws.max_row + 1):
            reference = ws.cell(row=row, column=1).value
            if reference in ('2026/F-1', '2026/F-2'):
                print(reference, '|', shown(ws.cell(row=row, column=day)), '|', shown(ws.cell(row=row, column=text)))
        """

    @Test("The agreements export: the forecast day and sentence, highlighted when early by the renewal days, plain when not")
    func export() throws {
        let tunet = try placed()
        let sentence = "Med dagens tempo nås maksimalverdien 30.06.2027 (mellom 06.05.2027 og 27.07.2027), etter at avtalen utløper 31.03.2027."
        let calm = "Med tempoet de siste 53 dagene nås ikke maksimalverdien."
        for (days, mark) in [("219", "marked"), ("218", "plain")] {
            let result = try tunet.run(["export", "agreements", "-o", "avtaler.xlsx", "--force"],
                                       environment: ["TUNET_LANG": "nb", "TUNET_RENEWAL_DAYS": days])
            #expect(result.status == 0, "\(result.stderr)")
            let python = try Python.run(Self.forecastColumns, in: tunet.folder)
            #expect(python.status == 0, "\(python.output)")
            #expect(python.output.contains("2026/F-1 | 2027-06-30 (\(mark)) | \(sentence) (\(mark))"), "\(days): \(python.output)")
            #expect(python.output.contains("2026/F-2 | None (plain) | \(calm) (plain)"), "\(days): \(python.output)")
        }
    }
}
