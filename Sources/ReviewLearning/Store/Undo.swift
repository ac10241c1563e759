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
    package func undo() throws -> UndoStep { try move(from: UndoJournal.done, to: UndoJournal.undone) }

    /// Re-applies the change `undo` reverted last, all files or none; returns its step.
    package func redo() throws -> UndoStep { try move(from: UndoJournal.undone, to: UndoJournal.done) }

    /// Takes the step at the top of `from` (undo: the newest done; redo: the next undone), puts each file back as
    /// the step had it on the other side, if it still holds the bytes of this side, and moves the step to `to`.
    private func move(from: String, to: String) throws -> UndoStep {
        let undoing = from == UndoJournal.done
        return try write { transaction throws -> UndoStep in
            let journal = UndoJournal(root: root)
            let seqs = try journal.seqs(from)
            guard let seq = undoing ? seqs.last : seqs.first else {
                throw undoing ? UndoError.nothingToUndo(depth: transaction.undoDepth) : UndoError.nothingToRedo
            }
            let step = try journal.step(from, seq)
            let file = "\(root)/\(UndoJournal.path(from, seq))"
            for change in step.files {
                let (before, after) = (try change.bytes(change.before, in: file), try change.bytes(change.after, in: file))
                try transaction.restore(change.path, to: undoing ? before : after, expecting: undoing ? after : before)
            }
            try transaction.moveJournalStep(step, from: from, to: to)
            return step
        }
    }
}
