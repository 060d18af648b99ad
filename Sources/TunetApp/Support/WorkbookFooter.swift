import Foundation
import TunetDomain
import TunetSpreadsheet
import TunetText

/// The footer every workbook Tunet writes prints on each page, in the reader's language: the workbook's
/// name, the day it was made (Norwegian time) and "Side 2 av 5". The name is TunetApp's to give (a report's
/// title from the catalogue, a check's invoice); the spreadsheet writer only sets it on every sheet.
enum WorkbookFooter {
    static func make(name: String, texts: Texts, now: Date) -> XLSXPrintFooter {
        XLSXPrintFooter(name: name, date: texts("files.workbook.footer.made", ["date": .date(OsloTime.today(now: now))]),
                        page: texts("files.workbook.footer.page"))
    }
}
