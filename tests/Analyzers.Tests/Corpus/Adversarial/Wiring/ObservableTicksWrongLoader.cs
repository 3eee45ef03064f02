// Scenario: a fine-tuner with a primary constructor subscribes an IObserver<int> to an IObservable<int> epoch ticker, but the observer sets the epoch of the in-order validation loader instead of the shuffled train loader it iterates — wrong, CMP002 on the foreach over _train
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.ObservableTicksWrongLoader;

public sealed class EpochTicker : IObservable<int>
{
    private readonly List<IObserver<int>> _observers = new();

    public IDisposable Subscribe(IObserver<int> observer)
    {
        _observers.Add(observer);
        return new Unsubscriber(() => _observers.Remove(observer));
    }

    public void Tick(int epoch)
    {
        foreach (var observer in _observers.ToArray()) observer.OnNext(epoch);
    }

    private sealed class Unsubscriber(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}

public sealed class ActionObserver(Action<int> onNext) : IObserver<int>
{
    public void OnNext(int value) => onNext(value);
    public void OnError(Exception error) { }
    public void OnCompleted() { }
}

public sealed class Finetuner(InMemoryDataset trainSet, InMemoryDataset valSet, EpochTicker ticker)
{
    private readonly EpochDataLoader _train = new(trainSet, batchSize: 32, shuffle: true, seed: 3);
    private readonly EpochDataLoader _val = new(valSet, batchSize: 128);
    private readonly nn.Module<Tensor, Tensor> _head = nn.Linear(768, 5);

    public void Fit(int epochs)
    {
        using var optimizer = optim.AdamW(_head.parameters(), lr: 2e-5);
        using var subscription = ticker.Subscribe(new ActionObserver(e => _val.SetEpoch(e)));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ticker.Tick(epoch);
            foreach (var batch in _train) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_head.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            using (torch.no_grad())
            {
                double correct = 0;
                foreach (var batch in _val)
                    correct += _head.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                Console.WriteLine($"epoch {epoch}: {correct} correct");
            }
        }
    }
}
