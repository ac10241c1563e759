/// A horizontal stacked bar chart as inline SVG: one bar per row, one segment per series, a legend of words, a scale,
/// the count written in each segment wide enough to hold it and the total after each bar.
///
/// The chart is an image with a `<title>` and a `<desc>` that says every number in words, so a screen reader (or a
/// reader of a black-and-white print) gets the same information as the colours. Coordinates are whole numbers worked
/// out with integer arithmetic, so the SVG is byte-for-byte the same for the same numbers.
struct StackedBarChart {
    struct Series {
        let name: String
        let fill: String
        /// The colour of a count written on this fill.
        let ink: String
    }

    struct Bar {
        let label: String
        /// One value per series, in the series' order.
        let values: [Int]
        var total: Int { values.reduce(0, +) }
    }

    /// Unique within the page: the ids of the title and description derive from it.
    let id: String
    let title: String
    /// What is being counted, plural ("recommendations"), for the description.
    let unit: String
    let series: [Series]
    let bars: [Bar]

    private let width = 720
    private let rowHeight = 24
    private let barHeight = 16
    private let charWidth = 7

    /// The text alternative: every bar's total and its non-zero segments.
    var description: String {
        guard !bars.isEmpty else { return "No data." }
        return bars.map { bar in
            let parts = zip(series, bar.values).filter { $0.1 > 0 }.map { "\($0.1) \($0.0.name.lowercased())" }
            return "\(bar.label): \(bar.total) \(unit)" + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
        }.joined(separator: "; ") + "."
    }

    func render() -> String {
        var text = ""
        render { text += $0 }
        return text
    }

    /// Writes the SVG element to `write`, a piece at a time (a bar per review of a national store is a long chart).
    func render(_ write: (String) -> Void) {
        let h = HTMLText.escape
        // Legend rows, wrapped to the width.
        var legend: [(x: Int, row: Int, series: Series)] = []
        var x = 0
        var row = 0
        for item in series {
            let itemWidth = 16 + item.name.count * 13 / 2 + 14
            if x > 0 && x + itemWidth > width {
                x = 0
                row += 1
            }
            legend.append((x, row, item))
            x += itemWidth
        }
        let legendHeight = (row + 1) * 20 + 6
        let longest = bars.map(\.label.count).max() ?? 0
        let labelWidth = min(max(longest * charWidth + 10, 80), 280)
        let maxLabelChars = (labelWidth - 10) / charWidth
        let plotX = labelWidth
        let plotWidth = width - labelWidth - 44
        let maxTotal = bars.map(\.total).max() ?? 0
        let (step, scaleMax) = Self.scale(maxTotal)
        let top = legendHeight
        let plotHeight = max(bars.count, 1) * rowHeight
        let height = top + plotHeight + 24
        func xAt(_ value: Int) -> Int { plotX + value * plotWidth / scaleMax }

        write("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\"")
        write(" aria-labelledby=\"\(id)-title \(id)-desc\">\n")
        write("<title id=\"\(id)-title\">\(h(title))</title>\n")
        write("<desc id=\"\(id)-desc\">\(h(description))</desc>\n")
        // Legend.
        write("<g class=\"legend\">\n")
        for item in legend {
            let y = item.row * 20
            write("<rect x=\"\(item.x)\" y=\"\(y + 2)\" width=\"12\" height=\"12\" fill=\"\(item.series.fill)\"")
            write(" stroke=\"#333\" stroke-width=\"0.5\"/>")
            write("<text x=\"\(item.x + 16)\" y=\"\(y + 12)\">\(h(item.series.name))</text>\n")
        }
        write("</g>\n")
        // Scale: vertical grid lines with their values under the plot.
        write("<g class=\"grid\">\n")
        var tick = 0
        while tick <= scaleMax {
            let gx = xAt(tick)
            write("<line x1=\"\(gx)\" y1=\"\(top)\" x2=\"\(gx)\" y2=\"\(top + plotHeight)\"/>")
            write("<text x=\"\(gx)\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\">\(tick)</text>\n")
            tick += step
        }
        write("</g>\n")
        // Bars.
        for (index, bar) in bars.enumerated() {
            let y = top + index * rowHeight + (rowHeight - barHeight) / 2
            let label = bar.label.count > maxLabelChars ? String(bar.label.prefix(maxLabelChars - 1)) + "…" : bar.label
            write("<g class=\"bar\">\n")
            write("<text class=\"label\" x=\"\(plotX - 6)\" y=\"\(y + barHeight - 4)\" text-anchor=\"end\">\(h(label))</text>\n")
            var cumulative = 0
            for (item, value) in zip(series, bar.values) where value > 0 {
                let x0 = xAt(cumulative)
                let x1 = xAt(cumulative + value)
                cumulative += value
                write("<rect x=\"\(x0)\" y=\"\(y)\" width=\"\(x1 - x0)\" height=\"\(barHeight)\" fill=\"\(item.fill)\">")
                write("<title>\(h("\(bar.label): \(value) \(item.name.lowercased())"))</title></rect>\n")
                let digits = String(value).count
                if x1 - x0 >= digits * charWidth + 4 {
                    write("<text class=\"count\" x=\"\((x0 + x1) / 2)\" y=\"\(y + barHeight - 4)\" text-anchor=\"middle\"")
                    write(" fill=\"\(item.ink)\">\(value)</text>\n")
                }
            }
            write("<text class=\"total\" x=\"\(xAt(cumulative) + 5)\" y=\"\(y + barHeight - 4)\">\(bar.total)</text>\n")
            write("</g>\n")
        }
        write("<line class=\"axis\" x1=\"\(plotX)\" y1=\"\(top)\" x2=\"\(plotX)\" y2=\"\(top + plotHeight)\"/>\n")
        write("</svg>")
    }

    /// A tick step of 1, 2 or 5 times a power of ten giving at most 6 intervals, and the scale's end.
    static func scale(_ maxValue: Int) -> (step: Int, max: Int) {
        guard maxValue > 0 else { return (1, 1) }
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] {
                let step = factor * magnitude
                let intervals = (maxValue + step - 1) / step
                if intervals <= 6 { return (step, intervals * step) }
            }
            magnitude *= 10
        }
    }
}
