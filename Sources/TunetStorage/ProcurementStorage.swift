import TunetDomain

public protocol ProcurementReading {
    func procurement(_ id: Int64) throws -> Procurement?
    func allProcurements() throws -> [Procurement]
}

public protocol ProcurementWriting {
    /// Stores a new procurement made from the number the store gives it.
    func insertProcurement(_ make: (Int64) -> Procurement) throws -> Procurement
    func update(_ procurement: Procurement, action: String, note: RecordedText?) throws
}

extension ProcurementWriting {
    public func update(_ procurement: Procurement, action: String) throws { try update(procurement, action: action, note: nil) }
}
