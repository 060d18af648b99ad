import TunetDomain

public protocol AgreementReading {
    func agreement(_ reference: String) throws -> Agreement?
    func allAgreements() throws -> [Agreement]
}

public protocol AgreementWriting {
    func insert(_ agreement: Agreement, note: RecordedText?) throws
    func update(_ agreement: Agreement, action: String, note: RecordedText?) throws
}

extension AgreementWriting {
    public func insert(_ agreement: Agreement) throws { try insert(agreement, note: nil) }
    public func update(_ agreement: Agreement, action: String) throws { try update(agreement, action: action, note: nil) }
}
