/// Why `undo` or `redo` cannot run.
package enum UndoError: Error, Equatable, Sendable, CustomStringConvertible {
    case nothingToUndo(depth: Int)
    case nothingToRedo
    /// A file the step would put back was changed since (by a command outside the journal, or by hand).
    case changedSince(file: String)
    case store(StoreError)

    package var description: String {
        switch self {
        case .nothingToUndo(let depth):
            return depth == 0
                ? "nothing to undo: the undo journal is off (undo_depth 0); turn it on with 'rlt config set undo-depth 100'"
                : "nothing to undo: the journal holds no change (it keeps the last \(depth))"
        case .nothingToRedo:
            return "nothing to redo: redo re-applies what undo reverted, until the next change"
        case .changedSince(let file):
            return "\(file) has changed since (by hand, or by a change the journal does not hold), so reverting would "
                + "lose that change; nothing was written"
        case .store(let error): return error.description
        }
    }
}

extension Store {
    /// Reverts the newest change in the undo journal, all files or none; returns its step.
    package func undo() throws -> UndoStep {
        try write { transaction throws -> UndoStep in
            let journal = UndoJournal(root: root)
            guard let seq = try journal.seqs(UndoJournal.done).last else {
                throw UndoError.nothingToUndo(depth: transaction.undoDepth)
            }
            let step = try journal.step(UndoJournal.done, seq)
            let file = "\(root)/\(UndoJournal.path(UndoJournal.done, seq))"
            for change in step.files {
                try transaction.restore(
                    change.path, to: try change.bytes(change.before, in: file), expecting: try change.bytes(change.after, in: file))
            }
            try transaction.moveJournalStep(step, from: UndoJournal.done, to: UndoJournal.undone)
            return step
        }
    }

    /// Re-applies the change `undo` reverted last, all files or none; returns its step.
    package func redo() throws -> UndoStep {
        try write { transaction throws -> UndoStep in
            let journal = UndoJournal(root: root)
            guard let seq = try journal.seqs(UndoJournal.undone).first else { throw UndoError.nothingToRedo }
            let step = try journal.step(UndoJournal.undone, seq)
            let file = "\(root)/\(UndoJournal.path(UndoJournal.undone, seq))"
            for change in step.files {
                try transaction.restore(
                    change.path, to: try change.bytes(change.after, in: file), expecting: try change.bytes(change.before, in: file))
            }
            try transaction.moveJournalStep(step, from: UndoJournal.undone, to: UndoJournal.done)
            return step
        }
    }
}
