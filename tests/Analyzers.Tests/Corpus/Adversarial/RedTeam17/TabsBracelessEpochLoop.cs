// Scenario: a file indented with tabs whose epoch loop has no braces (`for` over epochs, then `foreach` over the shuffling loader, one statement each); the epoch is never set: wrong - CMP002. The fix wraps the body in braces and should keep the tabs.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.TabsBracelessEpochLoop;

public static class Program
{
	public static void Main()
	{
		var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(210, 5), ["label"] = randint(0, 3, 210) });
		var sampler = new RandomSampler(data.Count, seed: 21);
		using var train = new EpochDataLoader(data, batchSize: 7, sampler: sampler);
		var model = nn.Linear(5, 3);
		var optimizer = optim.SGD(model.parameters(), learningRate: 0.02);

		for (int epoch = 0; epoch < 4; epoch++)
			foreach (var batch in train) //! CMP002
				Step(batch);

		void Step(Dictionary<string, Tensor> batch)
		{
			using var scope = NewDisposeScope();
			optimizer.zero_grad();
			nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
			optimizer.step();
		}
	}
}
