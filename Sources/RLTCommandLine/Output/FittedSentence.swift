import ReviewLearning

/// A sentence wrapped to the terminal's width (whole in a pipe), with its final newline.
func fitted(_ sentence: String, width: Int?) -> String {
    guard let width else { return sentence + "\n" }
    return DisplayWidth.wrap(sentence, width: width).map { $0 + "\n" }.joined()
}
