import Foundation

/// Shell completion scripts generated from the command table, so they never drift from the parser.
///
/// Every script is the same small program in its shell's syntax: it walks the words typed so far to find the
/// command (`rec update`), then offers that command's subcommands, its options, the values of the option being
/// completed, or the values of the positional argument at the cursor. What each of those is comes from lookup
/// functions generated here from the table, keyed by command path, so `--status` of `rec update` offers
/// recommendation statuses and `--status` of `action update` action statuses. Codes and references are not baked
/// in: the scripts ask `rlt completions --values KIND` at completion time, passing on any `--store` typed.
///
/// A value is described to the scripts as words: `words A B…` (exactly these), `store KIND`, `files`, `dirs` or
/// `any` (nothing to offer).
struct CompletionScripts {
    let root: CommandSpec
    let globalOptions: [OptionSpec]

    /// A runnable command or a group, by its path of canonical names (`"rec update"`, `""` for rlt itself).
    private struct Command {
        var path: String
        var spec: CommandSpec
    }

    /// One branch of a generated lookup function: the keys it answers and the lines it prints, in columns.
    private struct Branch {
        var keys: [String]
        var rows: [[String]]
    }

    private var commands: [Command] {
        var out: [Command] = []
        func visit(_ spec: CommandSpec, _ path: [String]) {
            out.append(Command(path: path.joined(separator: " "), spec: spec))
            for sub in spec.subcommands { visit(sub, path + [sub.name]) }
        }
        visit(root, [])
        return out
    }

    /// The options a command accepts, as the parser sees them: its own, the global ones it does not shadow,
    /// `--help`, and `--version` for rlt itself.
    private func options(of spec: CommandSpec, isRoot: Bool) -> [OptionSpec] {
        let own = spec.options
        var all = own + globalOptions.filter { global in !own.contains { $0.name == global.name } }
        all.append(.flag(.help, "Show help information."))
        if isRoot { all.append(.flag(.version, "Show the version.")) }
        return all
    }

    /// How the scripts describe a value: see the type's documentation.
    private static func words(_ source: ValueSource) -> [String] {
        switch source {
        case .any: return ["any"]
        case .oneOf(let values): return ["words"] + values
        case .store(let list): return ["store", list.rawValue]
        case .file: return ["files"]
        case .directory: return ["dirs"]
        }
    }

    // MARK: The lookup functions, the same for every shell

    /// `subcommand 'PATH|WORD'`: the canonical name when WORD (a name or an alias) is a subcommand of PATH.
    private var subcommandBranches: [Branch] {
        commands.flatMap { command in
            command.spec.subcommands.map { sub in
                Branch(keys: ([sub.name] + sub.aliases).map { "\(command.path)|\($0)" }, rows: [[sub.name]])
            }
        }
    }

    /// `subcommands 'PATH'`: every spelling of PATH's subcommands with its overview.
    private var subcommandListBranches: [Branch] {
        commands.filter { !$0.spec.subcommands.isEmpty }.map { command in
            Branch(
                keys: [command.path],
                rows: command.spec.subcommands.flatMap { sub in
                    ([sub.name] + sub.aliases).map { [$0, describe(sub.overview)] }
                })
        }
    }

    /// `options 'PATH'`: every option PATH accepts with its help.
    private var optionListBranches: [Branch] {
        commands.map { command in
            Branch(
                keys: [command.path],
                rows: options(of: command.spec, isRoot: command.path.isEmpty).map { [$0.name, describe($0.help)] })
        }
    }

    /// `value 'PATH|OPTION'`: what OPTION's value is, for options that take one; a command's own options first,
    /// then the global ones for any path. Flags are not listed, which is how the scripts tell them apart.
    private var valueBranches: [Branch] {
        let own = commands.flatMap { command in
            command.spec.options.filter(\.takesValue).map { option in
                Branch(keys: ["\(command.path)|\(option.name)"], rows: Self.words(option.values).map { [$0] })
            }
        }
        let global = globalOptions.filter(\.takesValue).map { option in
            Branch(keys: ["*|\(option.name)"], rows: Self.words(option.values).map { [$0] })
        }
        return own + global
    }

    /// `argument 'PATH|N'`: what PATH's positional argument N (from 0) is; `PATH|+` the repeatable last one,
    /// which every later position takes too.
    private var argumentBranches: [Branch] {
        commands.flatMap { command in
            command.spec.arguments.enumerated().map { index, argument in
                var keys = ["\(command.path)|\(index)"]
                if argument.isRepeatable { keys.append("\(command.path)|+") }
                return Branch(keys: keys, rows: Self.words(argument.values).map { [$0] })
            }
        }
    }

    /// Help text on one line, for a description column.
    private func describe(_ text: String) -> String {
        text.map { $0 == "\n" || $0 == "\t" ? " " : String($0) }.joined()
    }

    // MARK: bash and zsh

    /// A lookup function in bash/zsh syntax; it returns 1 for a key it does not know.
    private func posixFunction(_ name: String, _ summary: String, _ branches: [Branch]) -> String {
        var out = "# \(name) \(summary)\n\(name)() {\n    case \"$1\" in\n"
        for branch in branches {
            let keys = branch.keys.map { key in
                key.hasPrefix("*|") ? "*" + posixQuote(String(key.dropFirst())) : posixQuote(key)
            }
            out += "    \(keys.joined(separator: "|"))) \(posixPrint(branch.rows)) ;;\n"
        }
        return out + "    *) return 1 ;;\n    esac\n}\n\n"
    }

    private func posixPrint(_ rows: [[String]]) -> String {
        let format = rows.first?.count == 2 ? "'%s\\t%s\\n'" : "'%s\\n'"
        return "printf \(format) " + rows.joined().map(posixQuote).joined(separator: " ")
    }

    private func posixQuote(_ text: String) -> String {
        if Self.isPlainWord(text) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// A word every shell reads as itself, unquoted.
    private static func isPlainWord(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_./,".unicodeScalars.contains($0))
            }
    }

    private var posixLookups: String {
        posixFunction("_rlt_subcommand", "'PATH|WORD': the command WORD names under PATH.", subcommandBranches)
            + posixFunction("_rlt_subcommands", "PATH: PATH's subcommands.", subcommandListBranches)
            + posixFunction("_rlt_options", "PATH: the options PATH takes.", optionListBranches)
            + posixFunction("_rlt_value", "'PATH|OPTION': the value OPTION takes (none for a flag).", valueBranches)
            + posixFunction("_rlt_argument", "'PATH|N': positional argument N of PATH.", argumentBranches)
    }

    func bash() -> String {
        """
        # bash completion for rlt, generated by 'rlt completions bash' from rlt's command table.
        # Load it with:  source <(rlt completions bash)


        """ + posixLookups + Self.bashDriver
    }

    func zsh() -> String {
        """
        #compdef rlt
        # zsh completion for rlt, generated by 'rlt completions zsh' from rlt's command table.
        # Load it with:  source <(rlt completions zsh)   (after compinit), or save it as _rlt in a directory on $fpath.


        """ + posixLookups + Self.zshDriver
    }

    // MARK: fish

    private func fishFunction(_ name: String, _ summary: String, _ branches: [Branch]) -> String {
        var out = "function \(name) --description \(fishQuote(summary))\n    switch $argv[1]\n"
        for branch in branches {
            let keys = branch.keys.map(fishQuote).joined(separator: " ")
            let format = branch.rows.first?.count == 2 ? #"'%s\t%s\n'"# : #"'%s\n'"#
            let values = branch.rows.joined().map(fishQuote).joined(separator: " ")
            out += "        case \(keys)\n            printf \(format) \(values)\n"
        }
        return out + "        case '*'\n            return 1\n    end\nend\n\n"
    }

    private func fishQuote(_ text: String) -> String {
        if Self.isPlainWord(text) { return text }
        return "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    func fish() -> String {
        """
        # fish completion for rlt, generated by 'rlt completions fish' from rlt's command table.
        # Load it with:  rlt completions fish | source   or save it as ~/.config/fish/completions/rlt.fish


        """
            + fishFunction("__rlt_subcommand", "The command WORD names under PATH ('PATH|WORD')", subcommandBranches)
            + fishFunction("__rlt_subcommands", "The subcommands of PATH", subcommandListBranches)
            + fishFunction("__rlt_options", "The options PATH takes", optionListBranches)
            + fishFunction("__rlt_value", "The value OPTION takes ('PATH|OPTION'; none for a flag)", valueBranches)
            + fishFunction("__rlt_argument", "Positional argument N of PATH ('PATH|N')", argumentBranches)
            + Self.fishDriver
    }

    // MARK: The drivers

    private static let bashDriver = #"""
        # Adds to COMPREPLY the values of one value description (words A B..., store KIND, files, dirs, any)
        # that start with $1.
        _rlt_offer() {
            local cur=$1 kind=$2 value
            shift 2
            case $kind in
            words)
                for value in "$@"; do [[ $value == "$cur"* ]] && COMPREPLY+=("$value"); done ;;
            store)
                while IFS= read -r value; do
                    [[ $value == "$cur"* ]] && COMPREPLY+=("$value")
                done < <(_rlt_store "$1") ;;
            files)
                compopt -o filenames 2>/dev/null
                while IFS= read -r value; do COMPREPLY+=("$value"); done < <(compgen -f -- "$cur") ;;
            dirs)
                compopt -o filenames 2>/dev/null
                while IFS= read -r value; do COMPREPLY+=("$value"); done < <(compgen -d -- "$cur") ;;
            esac
        }

        # Adds to COMPREPLY the names (first column of NAME<tab>DESCRIPTION lines in $2) that start with $1.
        _rlt_offer_names() {
            local cur=$1 line
            while IFS= read -r line; do
                line=${line%%$'\t'*}
                [[ -n $line && $line == "$cur"* ]] && COMPREPLY+=("$line")
            done <<< "$2"
        }

        # The store's values of one kind, from the store given with --store, else $RLT_STORE or ./data.
        _rlt_store() {
            local i rlt=${COMP_WORDS[0]/#\~/$HOME}
            local -a store=()
            for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
                if [[ ${COMP_WORDS[i]} == --store ]]; then
                    if [[ ${COMP_WORDS[i+1]} == "=" ]]; then
                        store=(--store "${COMP_WORDS[i+2]/#\~/$HOME}")
                    else
                        store=(--store "${COMP_WORDS[i+1]/#\~/$HOME}")
                    fi
                fi
            done
            "$rlt" completions --values "$1" "${store[@]}" 2>/dev/null
        }

        _rlt() {
            local cur=${COMP_WORDS[COMP_CWORD]} cmdpath="" word canon valuefor="" spec i n=0 onlypos=0
            COMPREPLY=()
            for ((i = 1; i < COMP_CWORD; i++)); do
                word=${COMP_WORDS[i]}
                if ((onlypos)); then
                    n=$((n + 1))
                elif [[ $word == -- ]]; then
                    onlypos=1
                elif [[ $word == "=" ]]; then
                    # bash splits --option=value at '=': the value follows.
                    if ((i + 1 == COMP_CWORD)); then valuefor=${COMP_WORDS[i-1]}; else i=$((i + 1)); fi
                elif [[ $word == -* ]]; then
                    if [[ ${COMP_WORDS[i+1]} == "=" ]]; then
                        if ((i + 1 == COMP_CWORD)); then valuefor=$word cur=""; fi
                    elif _rlt_value "$cmdpath|$word" >/dev/null; then
                        if ((i + 1 == COMP_CWORD)); then valuefor=$word; else i=$((i + 1)); fi
                    fi
                elif ((n == 0)) && canon=$(_rlt_subcommand "$cmdpath|$word"); then
                    cmdpath=${cmdpath:+$cmdpath }$canon
                else
                    n=$((n + 1))
                fi
            done
            if [[ -n $valuefor ]]; then
                spec=$(_rlt_value "$cmdpath|$valuefor") && _rlt_offer "$cur" $spec
            elif ((!onlypos)) && [[ $cur == -* ]]; then
                _rlt_offer_names "$cur" "$(_rlt_options "$cmdpath")"
            elif ((n == 0 && !onlypos)) && spec=$(_rlt_subcommands "$cmdpath"); then
                _rlt_offer_names "$cur" "$spec"
            elif spec=$(_rlt_argument "$cmdpath|$n") || spec=$(_rlt_argument "$cmdpath|+"); then
                _rlt_offer "$cur" $spec
            fi
            return 0
        }

        complete -F _rlt rlt

        """#

    private static let zshDriver = #"""
        # Offers the values of one value description (words A B..., store KIND, files, dirs, any).
        _rlt_offer() {
            local kind=$1
            local -a values
            shift
            case $kind in
            words) compadd -- "$@" ;;
            store) values=(${(f)"$(_rlt_store $1)"}); compadd -- $values ;;
            files) _files ;;
            dirs) _files -/ ;;
            esac
        }

        # Offers the names of NAME<tab>DESCRIPTION lines, with their descriptions.
        _rlt_describe() {
            local -a names descriptions
            local line
            for line in ${(f)1}; do
                names+=("${line%%$'\t'*}")
                descriptions+=("${line%%$'\t'*}  -- ${line#*$'\t'}")
            done
            compadd -l -d descriptions -- $names
        }

        # The store's values of one kind, from the store given with --store, else $RLT_STORE or ./data.
        _rlt_store() {
            local i value rlt=${words[1]/#\~/$HOME}
            local -a store
            for ((i = 2; i < $#words; i++)); do
                value=
                [[ $words[i] == --store ]] && value=${(Q)words[i+1]}
                [[ $words[i] == --store=* ]] && value=${(Q)words[i]#--store=}
                [[ -n $value ]] && store=(--store ${value/#\~/$HOME})
            done
            $rlt completions --values $1 $store 2>/dev/null
        }

        _rlt() {
            local cur=$words[CURRENT] cmdpath= word canon valuefor= spec i n=0 onlypos=0
            for ((i = 2; i < CURRENT; i++)); do
                word=$words[i]
                if ((onlypos)); then
                    n=$((n + 1))
                elif [[ $word == -- ]]; then
                    onlypos=1
                elif [[ $word == --*=* ]]; then
                    :
                elif [[ $word == -* ]]; then
                    if _rlt_value "$cmdpath|$word" >/dev/null; then
                        if ((i + 1 == CURRENT)); then valuefor=$word; else i=$((i + 1)); fi
                    fi
                elif ((n == 0)) && canon=$(_rlt_subcommand "$cmdpath|$word"); then
                    cmdpath=${cmdpath:+$cmdpath }$canon
                else
                    n=$((n + 1))
                fi
            done
            if [[ -z $valuefor && $onlypos == 0 && $cur == --*=* ]]; then
                valuefor=${cur%%=*}
                compset -P '*='
            fi
            if [[ -n $valuefor ]]; then
                spec=$(_rlt_value "$cmdpath|$valuefor") && _rlt_offer ${(f)spec}
            elif ((!onlypos)) && [[ $cur == -* ]]; then
                _rlt_describe "$(_rlt_options "$cmdpath")"
            elif ((n == 0 && !onlypos)) && spec=$(_rlt_subcommands "$cmdpath"); then
                _rlt_describe "$spec"
            elif spec=$(_rlt_argument "$cmdpath|$n") || spec=$(_rlt_argument "$cmdpath|+"); then
                _rlt_offer ${(f)spec}
            fi
        }

        if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
            _rlt "$@"
        else
            compdef _rlt rlt
        fi

        """#

    private static let fishDriver = #"""
        # Prints the values of one value description (words A B..., store KIND, files, dirs, any), each after $argv[1].
        function __rlt_offer --description 'The values of one value description'
            set -l prefix $argv[1]
            set -l cur $argv[2]
            switch $argv[3]
                case words
                    for value in $argv[4..-1]
                        printf '%s\n' "$prefix$value"
                    end
                case store
                    for value in (__rlt_store $argv[4])
                        printf '%s\n' "$prefix$value"
                    end
                case files
                    for value in (__fish_complete_path "$cur")
                        printf '%s\n' "$prefix$value"
                    end
                case dirs
                    for value in (__fish_complete_directories "$cur")
                        printf '%s\n' "$prefix$value"
                    end
            end
        end

        # The store's values of one kind, from the store given with --store, else $RLT_STORE or ./data.
        function __rlt_store --description 'The store values of one kind'
            set -l tokens (commandline -op)
            set -l store
            for i in (seq 2 (count $tokens))
                set -l value
                if test "$tokens[$i]" = --store -a $i -lt (count $tokens)
                    set value $tokens[(math $i + 1)]
                else if string match -q -- '--store=*' "$tokens[$i]"
                    set value (string replace -- '--store=' '' "$tokens[$i]")
                end
                test -n "$value"; and set store --store (string replace -r '^~' -- $HOME "$value")
            end
            set -l rlt (string replace -r '^~' -- $HOME $tokens[1])
            command $rlt completions --values $argv[1] $store 2>/dev/null
        end

        function __rlt_complete --description 'Complete rlt from its command table'
            set -l tokens (commandline -opc)
            set -l cur (commandline -ct)
            set -l cmdpath ''
            set -l valuefor ''
            set -l prefix ''
            set -l n 0
            set -l onlypos 0
            set -l canon
            set -l spec
            set -l i 2
            while test $i -le (count $tokens)
                set -l word $tokens[$i]
                if test $onlypos -eq 1
                    set n (math $n + 1)
                else if test "$word" = --
                    set onlypos 1
                else if string match -q -- '--*=*' "$word"
                    true
                else if string match -q -- '-*' "$word"
                    if __rlt_value "$cmdpath|$word" >/dev/null
                        if test $i -eq (count $tokens)
                            set valuefor $word
                        else
                            set i (math $i + 1)
                        end
                    end
                else if test $n -eq 0; and set canon (__rlt_subcommand "$cmdpath|$word")
                    set cmdpath (string trim -- "$cmdpath $canon")
                else
                    set n (math $n + 1)
                end
                set i (math $i + 1)
            end
            if test -z "$valuefor" -a $onlypos -eq 0; and string match -q -- '--*=*' "$cur"
                set valuefor (string split -m 1 = -- "$cur")[1]
                set prefix "$valuefor="
                set cur (string split -m 1 = -- "$cur")[2]
            end
            if test -n "$valuefor"
                set spec (__rlt_value "$cmdpath|$valuefor"); and __rlt_offer "$prefix" "$cur" $spec
            else if test $onlypos -eq 0; and string match -q -- '-*' "$cur"
                __rlt_options "$cmdpath"
            else if test $n -eq 0 -a $onlypos -eq 0; and set spec (__rlt_subcommands "$cmdpath")
                printf '%s\n' $spec
            else if set spec (__rlt_argument "$cmdpath|$n"); or set spec (__rlt_argument "$cmdpath|+")
                __rlt_offer '' "$cur" $spec
            end
        end

        complete -c rlt -e
        complete -c rlt -f -a '(__rlt_complete)'

        """#
}
