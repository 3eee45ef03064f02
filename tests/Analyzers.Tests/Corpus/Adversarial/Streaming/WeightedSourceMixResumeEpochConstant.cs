// Scenario: three shuffled sources (web, books, code) are mixed with per-epoch weights by drawing from their enumerators; after a resume the loop sets every source's epoch to resumeEpoch instead of the advancing epoch — wrong: the value never changes across passes, so every epoch after the resume replays one order (CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int Vocab = 16_384;
const int StepsPerEpoch = 5_000;
const int TotalEpochs = 8;

var resumeEpoch = args.Length > 0 ? int.Parse(args[0]) : 0;

using var web = new EpochDataLoader(Load("web"), batchSize: 24, shuffle: true, seed: 1);
using var books = new EpochDataLoader(Load("books"), batchSize: 24, shuffle: true, seed: 2);
using var code = new EpochDataLoader(Load("code"), batchSize: 24, shuffle: true, seed: 3);
EpochDataLoader[] sources = [web, books, code];

var model = nn.Sequential(("embed", nn.Embedding(Vocab, 128)), ("act", nn.GELU()), ("head", nn.Linear(128, Vocab)));
var optimizer = optim.AdamW(model.parameters(), 4e-4);
if (resumeEpoch > 0) model.load($"runs/mix/ep{resumeEpoch - 1}.dat");

int epoch = resumeEpoch;
while (epoch < TotalEpochs)
{
    foreach (var s in sources) s.SetEpoch(resumeEpoch); //! CMP004

    // code gets more weight as training goes on
    double[] weights = [0.6 - 0.03 * epoch, 0.3, 0.1 + 0.03 * epoch];
    var pick = new Random(7 + epoch);

    using var webIt = web.GetEnumerator();
    using var booksIt = books.GetEnumerator();
    using var codeIt = code.GetEnumerator();
    IEnumerator<Dictionary<string, Tensor>>[] its = [webIt, booksIt, codeIt];

    for (int step = 0; step < StepsPerEpoch; step++)
    {
        var k = Draw(weights, pick.NextDouble());
        if (!its[k].MoveNext()) continue;    // that source ran dry this epoch
        using var scope = torch.NewDisposeScope();
        var batch = its[k].Current;
        var logits = model.call(batch["data"]);
        var loss = nn.functional.cross_entropy(logits.view(-1, Vocab), batch["label"].view(-1));
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    model.save($"runs/mix/ep{epoch}.dat");
    epoch++;
}

static int Draw(double[] weights, double u)
{
    var total = weights.Sum();
    for (int i = 0; i < weights.Length; i++)
    {
        u -= weights[i] / total;
        if (u <= 0) return i;
    }
    return weights.Length - 1;
}

static InMemoryDataset Load(string name)
{
    var tokens = torch.load($"/data/mix/{name}.tokens.pt");   // [rows, 65] int64
    return new InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = tokens[.., ..^1],
        ["label"] = tokens[.., 1..],
    });
}
