import TunetDomain

public protocol ConsumerPriceIndexReading {
    func consumerPriceIndex(_ month: YearMonth) throws -> IndexValue?
    func allConsumerPriceIndexes() throws -> [(YearMonth, IndexValue)]
}

public protocol ConsumerPriceIndexWriting {
    /// Sets a month's index; false when it already had this value (nothing was written).
    @discardableResult
    func setConsumerPriceIndex(_ month: YearMonth, _ value: IndexValue, note: RecordedText?) throws -> Bool
}

extension ConsumerPriceIndexWriting {
    public func setConsumerPriceIndex(_ month: YearMonth, _ value: IndexValue) throws -> Bool {
        try setConsumerPriceIndex(month, value, note: nil)
    }
}
