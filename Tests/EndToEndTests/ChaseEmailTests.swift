import Foundation
import Testing

/// The draft e-mails of `rlt chase --format email`, read back by Python's `email` package (policy `default`), the
/// parser mail tools are built on: if it reads the headers and body as we meant them, so do mail clients.
@Suite("End to end: chase letters parse as e-mail")
struct ChaseEmailTests {
    /// Each `.eml` in `directory` parsed by Python: file name → To (name, address), Subject, Date, content type,
    /// defects and the decoded body.
    func parsed(_ directory: String) throws -> [String: [String: Any]] {
        let script = """
            import email, email.policy, glob, json, os, sys
            out = {}
            for path in sorted(glob.glob(os.path.join(sys.argv[1], '*.eml'))):
                with open(path, 'rb') as f:
                    m = email.message_from_binary_file(f, policy=email.policy.default)
                to = m['to'].addresses[0]
                out[os.path.basename(path)] = {
                    'to_name': to.display_name, 'to_address': to.addr_spec, 'subject': str(m['subject']),
                    'date': m['date'].datetime.isoformat(), 'type': m.get_content_type(),
                    'charset': m.get_content_charset(), 'unsent': m['x-unsent'],
                    'defects': [type(d).__name__ for d in m.defects] + [type(d).__name__ for d in m['to'].defects],
                    'body': m.get_content(),
                }
            print(json.dumps(out))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, directory]
        let output = try CapturedOutput()
        output.attach(to: process)
        try process.run()
        process.waitUntilExit()
        let result = output.result(of: process)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: [String: Any]])
    }

    @Test("every .eml has To, an encoded subject, a date and a UTF-8 body listing each item; no address gives .txt")
    func drafts() throws {
        try withTemporaryDirectory { directory in
            let store = makeSmallStore(in: directory)
            let asOf = ["--as-of", "2024-07-01"]
            let run = { (args: [String]) in runRLT(["--store", store] + asOf + args) }
            rltOK(store, asOf + ["agency", "update", "lincs-police", "--contact", "Ànne O'Neil, Head of PPU", "--email", "anne@police.example"])
            rltOK(store, asOf + ["agency", "update", "lincs-scp", "--email", "lscp@lincs.example"])
            rltOK(store, asOf + ["action", "update", "darren-bethany/A1", "--note", "Half the officers trained — 50 % done"])
            let letters = directory + "/letters"
            let result = run(["chase", "--format", "email", "--out", letters, "--reply-by", "2024-07-15", "--from", "dhr@partnership.example", "--within", "100"])
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("note: lincs-cc (Lincolnshire County Council) has no e-mail address; its letter is \(letters)/lincs-cc.txt"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: letters).sorted() == ["lincs-cc.txt", "lincs-police.eml", "lincs-scp.eml"])
            // 7-bit on the wire: headers and quoted-printable body are ASCII, CRLF lines within 78 characters.
            for name in ["lincs-police.eml", "lincs-scp.eml"] {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(letters)/\(name)"))
                #expect(bytes.allSatisfy { $0 < 128 }, "\(name)")
                let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
                #expect(lines.allSatisfy { $0.count <= 78 && !$0.contains("\n") }, "\(name)")
            }
            let messages = try parsed(letters)
            let police = try #require(messages["lincs-police.eml"])
            #expect(police["to_name"] as? String == "Ànne O'Neil, Head of PPU")
            #expect(police["to_address"] as? String == "anne@police.example")
            #expect(police["subject"] as? String == "Lincolnshire: update requested on 2 items by 2024-07-15")
            #expect(police["type"] as? String == "text/plain" && police["charset"] as? String == "utf-8")
            #expect(police["unsent"] as? String == "1")
            #expect((police["defects"] as? [String])?.isEmpty == true, "\(police["defects"] ?? "")")
            #expect((police["date"] as? String)?.hasSuffix("+00:00") == true)
            let body = try #require(police["body"] as? String)
            #expect(body.hasPrefix("Dear Ànne O'Neil, Head of PPU,\n"))
            #expect(body.contains("1. darren-bethany/A1 (action): 31 days overdue\n"))
            #expect(body.contains("Last reported: 2024-07-01: Half the officers trained — 50 % done\n"))
            #expect(body.contains("2. darren-bethany/3i (recommendation, co-owner): 1 day overdue\n"))
            #expect(body.contains("Please reply by 2024-07-15"))
            let scp = try #require(messages["lincs-scp.eml"])
            #expect(scp["to_name"] as? String == "" && scp["to_address"] as? String == "lscp@lincs.example")
            #expect((scp["body"] as? String)?.contains("darren-bethany/3i (recommendation, lead): 1 day overdue") == true)
            let printed = try String(contentsOfFile: letters + "/lincs-cc.txt", encoding: .utf8)
            #expect(printed.hasPrefix("To: Lincolnshire County Council (no e-mail address in the directory)\n"))
            #expect(printed.contains("1. darren-bethany/3ii (recommendation, lead): due in 91 days\n"))
        }
    }
}
