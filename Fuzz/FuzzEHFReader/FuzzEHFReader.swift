import Foundation
import TunetDomain
import TunetFiles

/// Any bytes as an EHF invoice: read whole, or refused with a `TunetError`; a read invoice keeps within the reader's bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEHFReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        let invoice = try EHFReader.parse(data, name: "fuzz.xml")
        precondition(invoice.lines.count <= EHFReader.maximumLines, "the line cap holds")
        precondition(invoice.period.from <= invoice.period.to, "a period runs forwards")
        for line in invoice.lines {
            precondition(line.baseQuantity > .zero && line.price >= .zero, "prices and base quantities are checked")
        }
    } catch {}
    return 0
}
