import Foundation
import Testing
@testable import Fetch

@Suite struct ShardPlanTests {
    func folderWith(_ names: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in names { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func aFilesShardDependsOnlyOnItsPath() {
        let plan = ShardPlan(shardCount: 8)
        let files = (0..<200).map { "corpus/article-\($0).html" }
        let shards = files.map(plan.shard(of:))
        #expect(shards == files.map(plan.shard(of:)))
        #expect(Set(shards).count == 8, "200 paths spread over all 8 shards")
        #expect(plan.listName(3) == "3.list")
        #expect(ShardPlan(shardCount: 16).listName(3) == "03.list")
    }

    @Test func listsAreRewrittenOnlyWhenTheirFilesChange() throws {
        let corpus = try folderWith((0..<40).map { "a\($0).html" })
        let out = corpus.appendingPathComponent("shards").path
        defer { try? FileManager.default.removeItem(at: corpus) }
        let plan = ShardPlan(shardCount: 4)
        func files() -> [String] { InputFiles.expand([corpus.path]).files }
        #expect(try plan.write(files: files(), into: out) == 4)
        #expect(try plan.write(files: files(), into: out) == 0)
        // One new article touches exactly one shard.
        try Data("new".utf8).write(to: corpus.appendingPathComponent("zz-new.html"))
        #expect(try plan.write(files: files(), into: out) == 1)
        let all = try (0..<4).flatMap { try ShardPlan.paths(inList: out + "/" + plan.listName($0)) }
        #expect(Set(all) == Set(files()))
        #expect(all.count == 41)
    }
}
