import Foundation
import ReviewLearning
import Testing

@testable import RLTCommandLine

// The completion scripts run in the real shells: bash (with and without bash-completion), zsh (through its
// completion system, in a pseudo-terminal) and fish (`complete -C`). For every command of the table, the words
// typed so far are completed and the candidates compared with what the table declares: the subcommands, the
// options, each option's values and each positional argument's values.

/// One completion to try: the words before the cursor, and the word being completed.
struct CompletionQuery: CustomStringConvertible {
    var words: [String]
    var current: String
    var expected: Set<String>

    var description: String { (words + [current]).joined(separator: " ") + "<TAB>" }
}

/// A place to run the shells: a store, a working directory with one file and the store's directory, and a home.
struct CompletionWorld {
    let root: String
    let store: String
    let work: String
    let home: String
    /// What the store lists for each kind of value, found with ordinary commands (not the completion code).
    let storeValues: [StoreList: Set<String>]
    /// The file and directory names in `work`.
    let files: Set<String> = ["data", "plan.csv"]
    let directories: Set<String> = ["data"]

    init(in root: String) throws {
        self.root = root
        work = root + "/work"
        home = root + "/home"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        store = makeSmallStore(in: work)
        rltOK(store, ["finding", "add", "darren-bethany", "--audience", "police", "--text", "Risk was not reassessed"])
        rltOK(store, ["event", "add", "--kind", "seminar", "--title", "Lessons", "--date", "2024-03"])
        try Data("a,b\n".utf8).write(to: URL(fileURLWithPath: work + "/plan.csv"))
        let themes = try JSONSerialization.jsonObject(with: Data(rltOK(store, ["theme", "list", "--format", "json"]).stdout.utf8))
        let themeCodes = Set(((themes as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String })
        let agencies: Set<String> = ["lincs-police", "lincs-scp", "lincs-cc"]
        let recommendations: Set<String> = ["darren-bethany/3i", "darren-bethany/3ii"]
        storeValues = [
            .agencies: agencies,
            .audiences: agencies.union(Sector.allowedValues),
            .themes: themeCodes,
            .reviews: ["darren-bethany"],
            .recommendations: recommendations,
            .actions: ["darren-bethany/A1"],
            .findings: ["darren-bethany/F1"],
            .events: ["E1"],
            .records: recommendations.union(["tracker", "darren-bethany", "darren-bethany/A1", "darren-bethany/F1", "E1"]),
            // Every plain setting, and a timescale key for each type and each stage after the incident.
            .settings: Set(
                ["name", "amber-days", "file-mode", "undo-depth", "closure-days"]
                    + ReviewType.allowedValues.flatMap { type in
                        ["aware", "notified", "decided", "commissioned", "completed", "submitted", "approved", "published", "closed"]
                            .map { "timescale.\(type).\($0)" }
                    }),
        ]
    }

    /// What completing a value from `source` should offer.
    func expected(_ source: ValueSource) -> Set<String> {
        switch source {
        case .any: return []
        case .oneOf(let words): return Set(words)
        case .store(let list): return storeValues[list] ?? []
        case .file: return files
        case .directory: return directories
        }
    }

    /// Every completion the command table implies, for every command (and group) and every option.
    func tableQueries() -> [CompletionQuery] {
        var queries: [CompletionQuery] = []
        func visit(_ spec: CommandSpec, _ path: [String]) {
            let typed = ["rlt"] + path
            if !spec.subcommands.isEmpty {
                let names = spec.subcommands.flatMap { [$0.name] + $0.aliases }
                queries.append(CompletionQuery(words: typed, current: "", expected: Set(names)))
            }
            var options = spec.options
            options += CommandTable.globalOptions.filter { global in !spec.options.contains { $0.name == global.name } }
            var names = Set(options.map(\.name) + ["--help"])
            if path.isEmpty { names.insert("--version") }
            queries.append(CompletionQuery(words: typed, current: "--", expected: names))
            for option in options where option.takesValue {
                queries.append(CompletionQuery(words: typed + [option.name], current: "", expected: expected(option.values)))
            }
            if spec.subcommands.isEmpty {
                for (index, argument) in spec.arguments.enumerated() {
                    let before = Array(repeating: "x", count: index)
                    queries.append(CompletionQuery(words: typed + before, current: "", expected: expected(argument.values)))
                }
                // Past the last argument there is nothing left to offer, unless it repeats (`REVIEW/ID ...`).
                let all = Array(repeating: "x", count: spec.arguments.count)
                let more = spec.arguments.last.map { $0.isRepeatable ? expected($0.values) : [] } ?? []
                queries.append(CompletionQuery(words: typed + all, current: "", expected: more))
            }
            for sub in spec.subcommands { visit(sub, path + [sub.name]) }
        }
        visit(CommandTable.root, [])
        return queries
    }

    /// Completions that need more than the table: aliases, prefixes, `--option=value`, `--store`, `--`.
    var extraQueries: [CompletionQuery] {
        let recStatuses = Set(RecommendationStatus.allowedValues)
        return [
            CompletionQuery(words: ["rlt", "rec", "update", "darren-bethany/3i", "--status"], current: "", expected: recStatuses),
            CompletionQuery(words: ["rlt", "recommendation", "update", "darren-bethany/3i", "--status"], current: "", expected: recStatuses),
            CompletionQuery(words: ["rlt", "action", "update", "darren-bethany/A1", "--status"], current: "", expected: Set(ActionStatus.allowedValues)),
            CompletionQuery(words: ["rlt", "review", "update", "darren-bethany", "--status"], current: "", expected: Set(ReviewStatus.allowedValues)),
            CompletionQuery(words: ["rlt", "rec", "update", "darren-bethany/3i", "--status"], current: "in", expected: ["in-progress"]),
            CompletionQuery(words: ["rlt"], current: "re", expected: ["rec", "recommendation", "redo", "report", "review"]),
            CompletionQuery(words: ["rlt", "rec"], current: "a", expected: ["add"]),
            CompletionQuery(words: ["rlt", "rec", "list"], current: "--sta", expected: ["--stale", "--status"]),
            CompletionQuery(words: ["rlt", "rec", "list", "--owner"], current: "lincs-p", expected: ["lincs-police"]),
            CompletionQuery(words: ["rlt", "rec", "show"], current: "darren-bethany/3", expected: ["darren-bethany/3i", "darren-bethany/3ii"]),
            CompletionQuery(words: ["rlt", "--as-of", "2024-01-01", "rec", "show", "--format", "json"], current: "", expected: storeValues[.recommendations] ?? []),
            CompletionQuery(words: ["rlt", "rec", "show", "darren-bethany/3i", "--format"], current: "", expected: ["table", "json"]),
            // "--status" is the value of --text here, so the word at the cursor is the REVIEW/ID argument.
            CompletionQuery(words: ["rlt", "rec", "update", "--text", "--status"], current: "", expected: storeValues[.recommendations] ?? []),
            CompletionQuery(words: ["rlt", "log", "--"], current: "", expected: storeValues[.records] ?? []),
            CompletionQuery(words: ["rlt", "--"], current: "", expected: []),
        ]
    }
}

/// Runs the queries in one shell process and returns each one's candidates.
///
/// `script` is a shell program run with `$1` the completion script and `$2` the file of queries (one a line, in
/// `encode`'s form); it prints each query's candidates, one a line, then a line `<end>`.
private func runShell(
    _ shell: String, arguments: [String], program: String, completionScript: String, queries: [CompletionQuery],
    encode: (CompletionQuery) -> String, world: CompletionWorld
) throws -> [Set<String>] {
    guard let binary = rltBinaryPath else { throw RLTNotFound() }
    let name = (shell as NSString).lastPathComponent
    let programPath = world.root + "/harness-\(name)"
    let scriptPath = world.root + "/rlt-completion.\(name)"
    let queriesPath = world.root + "/queries-\(name)"
    try program.write(toFile: programPath, atomically: true, encoding: .utf8)
    try completionScript.write(toFile: scriptPath, atomically: true, encoding: .utf8)
    try (queries.map(encode).joined(separator: "\n") + "\n").write(toFile: queriesPath, atomically: true, encoding: .utf8)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: shell)
    process.arguments = arguments + [programPath, scriptPath, queriesPath]
    process.currentDirectoryURL = URL(fileURLWithPath: world.work)
    let binDirectory = (binary as NSString).deletingLastPathComponent
    process.environment = [
        "PATH": binDirectory + ":/usr/bin:/bin", "HOME": world.home, "RLT_STORE": world.store, "LANG": "C.UTF-8",
        "TERM": "dumb", "XDG_CONFIG_HOME": world.home + "/.config", "XDG_DATA_HOME": world.home + "/.local/share",
        "XDG_CACHE_HOME": world.home + "/.cache",
    ]
    let out = world.root + "/out-\(name)"
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    _ = FileManager.default.createFile(atPath: out + ".err", contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: out + ".err"))
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    try process.run()
    // A harness that stops answering must fail the test, not hang it.
    let deadline = Date().addingTimeInterval(300)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning {
        process.terminate()
        process.waitUntilExit()
        Issue.record("\(shell) did not finish the completions within 300 s")
    }
    let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    let errors = (try? String(contentsOfFile: out + ".err", encoding: .utf8)) ?? ""
    #expect(errors.isEmpty, "\(shell) wrote to stderr:\n\(errors.prefix(2000))")
    var results: [Set<String>] = []
    var current: Set<String> = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line == "<end>" {
            results.append(current)
            current = []
        } else if !line.isEmpty {
            // fish adds a description after a tab, and a '/' after a directory.
            var candidate = String(line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)[0])
            if candidate.count > 1 && candidate.hasSuffix("/") { candidate.removeLast() }
            current.insert(candidate)
        }
    }
    #expect(results.count == queries.count, "\(shell) answered \(results.count) of \(queries.count) completions")
    return results
}

/// The path of an installed program, or nil.
private func installed(_ paths: [String]) -> String? {
    paths.first { FileManager.default.isExecutableFile(atPath: $0) }
}

private func missing(_ what: String) {
    Issue.record("\(what) is not installed, so its completion cannot be tested; .ci/run installs bash-completion, zsh and fish")
}

private let bashProgram = #"""
    # $1: the completion script, $2: the queries, fields separated by \x1f, the last one a '.' sentinel.
    [[ -n $RLT_TEST_BASH_COMPLETION ]] && source "$RLT_TEST_BASH_COMPLETION"
    source "$1"
    spec=$(complete -p rlt) || { echo "no completion registered for rlt" >&2; exit 1; }
    function=${spec#*-F }
    function=${function%% *}
    while IFS= read -r line; do
        IFS=$'\x1f' read -r -a COMP_WORDS <<< "$line"
        unset 'COMP_WORDS[${#COMP_WORDS[@]}-1]'
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE="${COMP_WORDS[*]}"
        COMP_POINT=${#COMP_LINE}
        COMPREPLY=()
        "$function" rlt "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        ((${#COMPREPLY[@]})) && printf '%s\n' "${COMPREPLY[@]}"
        printf '<end>\n'
    done < "$2"
    """#

/// zsh completes only inside its line editor, so this drives an interactive zsh in a pseudo-terminal (zpty): it
/// types each query and a TAB; the completion widget prints the matches compadd is given (matched against what
/// was typed, by compadd itself) between two markers.
private let zshProgram = #"""
    zmodload zsh/zpty || exit 1
    setup=$(mktemp)
    cat > $setup <<'SETUP'
    PROMPT= RPROMPT= PS2=
    autoload -U compinit && compinit -u -D
    _capture_complete() { print -rn -- $'\x02\n'; _main_complete; print -rn -- $'\x02\n' }
    zle -C capture-complete complete-word _capture_complete
    bindkey '^I' capture-complete
    zstyle ':completion:*' list-grouped false
    zstyle ':completion:*' insert-tab false
    compadd() {
        if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
        local -a __hits
        builtin compadd -A __hits "$@"
        local hit
        for hit in $__hits; do print -r -- "$IPREFIX$hit"; done
        builtin compadd "$@"
    }
    print harness-ready
    SETUP
    zpty rltzsh zsh -f -i
    zpty -w rltzsh "source $setup; source $1"
    local line
    while zpty -r rltzsh line; do [[ $line == *harness-ready* ]] && break; done
    while IFS= read -r query; do
        zpty -w -n rltzsh "$query"$'\t'
        local marks=0
        while zpty -r rltzsh line; do
            if [[ $line == *$'\x02'* ]]; then
                (( marks++ ))
                (( marks == 2 )) && break
                continue
            fi
            (( marks == 1 )) && print -r -- "${${line%$'\n'}%$'\r'}"
        done
        print -r -- '<end>'
        zpty -w -n rltzsh $'\C-u'
    done < $2
    zpty -d rltzsh
    rm -f $setup
    """#

private let fishProgram = #"""
    # $argv[1]: the completion script, $argv[2]: the queries, one command line a line.
    source $argv[1]
    for line in (cat $argv[2])
        complete -C"$line"
        echo '<end>'
    end
    """#

/// Compares each query's candidates with what it expects; one issue per wrong completion.
private func compare(_ shell: String, _ queries: [CompletionQuery], _ results: [Set<String>]) {
    var wrong = 0
    for (query, candidates) in zip(queries, results) where candidates != query.expected {
        wrong += 1
        if wrong <= 20 {
            Issue.record(
                "\(shell): \(query): offered \(candidates.sorted()), the table says \(query.expected.sorted())")
        }
    }
    #expect(wrong == 0, "\(shell): \(wrong) of \(queries.count) completions differ from the command table")
}

@Suite("End to end: completion in the real shells, for every command and option of the table")
struct CompletionTests {
    static let bashCompletion = "/usr/share/bash-completion/bash_completion"

    func bash(withBashCompletion: Bool) throws {
        guard let bash = installed(["/bin/bash", "/usr/bin/bash"]) else { return missing("bash") }
        var program = bashProgram
        if withBashCompletion {
            guard FileManager.default.fileExists(atPath: Self.bashCompletion) else { return missing("bash-completion") }
            program = "RLT_TEST_BASH_COMPLETION=\(Self.bashCompletion)\n" + program
        }
        try withTemporaryDirectory { directory in
            let world = try CompletionWorld(in: directory)
            let script = runRLT(["completions", "bash"]).stdout
            var queries = world.tableQueries() + world.extraQueries
            // bash splits `--status=in` at '='.
            queries.append(CompletionQuery(words: ["rlt", "rec", "update", "x", "--status", "="], current: "", expected: Set(RecommendationStatus.allowedValues)))
            queries.append(CompletionQuery(words: ["rlt", "rec", "update", "x", "--status", "="], current: "im", expected: ["implemented"]))
            let results = try runShell(
                bash, arguments: ["--norc", "--noprofile"], program: program, completionScript: script, queries: queries,
                encode: { ($0.words + [$0.current, "."]).joined(separator: "\u{1F}") }, world: world)
            compare(withBashCompletion ? "bash with bash-completion" : "bash", queries, results)
        }
    }

    @Test("bash offers exactly what the table declares")
    func bashAlone() throws { try bash(withBashCompletion: false) }

    @Test("bash with bash-completion loaded offers exactly what the table declares")
    func bashWithBashCompletion() throws { try bash(withBashCompletion: true) }

    @Test("zsh (compinit, in a pseudo-terminal) offers exactly what the table declares")
    func zsh() throws {
        guard let zsh = installed(["/usr/bin/zsh", "/bin/zsh"]) else { return missing("zsh") }
        try withTemporaryDirectory { directory in
            let world = try CompletionWorld(in: directory)
            let script = runRLT(["completions", "zsh"]).stdout
            var queries = world.tableQueries() + world.extraQueries
            queries.append(CompletionQuery(words: ["rlt", "rec", "update", "x"], current: "--status=im", expected: ["--status=implemented"]))
            let results = try runShell(
                zsh, arguments: ["-f"], program: zshProgram, completionScript: script, queries: queries,
                encode: { ($0.words + [$0.current]).joined(separator: " ") }, world: world)
            compare("zsh", queries, results)
        }
    }

    @Test("fish (complete -C) offers exactly what the table declares")
    func fish() throws {
        guard let fish = installed(["/usr/bin/fish", "/bin/fish"]) else { return missing("fish") }
        try withTemporaryDirectory { directory in
            let world = try CompletionWorld(in: directory)
            let script = runRLT(["completions", "fish"]).stdout
            var queries = world.tableQueries() + world.extraQueries
            queries.append(CompletionQuery(words: ["rlt", "rec", "update", "x"], current: "--status=im", expected: ["--status=implemented"]))
            let results = try runShell(
                fish, arguments: ["--no-config"], program: fishProgram, completionScript: script, queries: queries,
                encode: { ($0.words + [$0.current]).joined(separator: " ") }, world: world)
            compare("fish", queries, results)
        }
    }

    @Test("a --store typed on the command line is the store the values come from")
    func storeOnTheCommandLine() throws {
        guard let bash = installed(["/bin/bash", "/usr/bin/bash"]) else { return missing("bash") }
        try withTemporaryDirectory { directory in
            let world = try CompletionWorld(in: directory)
            let script = runRLT(["completions", "bash"]).stdout
            let elsewhere = directory + "/empty"
            rltOK(elsewhere, ["init", elsewhere])
            // RLT_STORE names the full store; --store an empty one, so only the typed store's values may appear.
            let queries = [
                CompletionQuery(words: ["rlt", "--store", elsewhere, "rec", "list", "--owner"], current: "", expected: []),
                CompletionQuery(words: ["rlt", "rec", "list", "--owner"], current: "", expected: world.storeValues[.agencies] ?? []),
            ]
            let results = try runShell(
                bash, arguments: ["--norc", "--noprofile"], program: bashProgram, completionScript: script, queries: queries,
                encode: { ($0.words + [$0.current, "."]).joined(separator: "\u{1F}") }, world: world)
            compare("bash", queries, results)
        }
    }
}
