using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tasks.Sdk.Protocol;

/// <summary>Source-generated JSON for every wire type: camelCase, nulls omitted (Trigger.dev's SDK rejects a null optional field).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TriggerTaskRequest))]
[JsonSerializable(typeof(TriggerTaskResponse))]
[JsonSerializable(typeof(CreateBatchRequest))]
[JsonSerializable(typeof(CreateBatchResponse))]
[JsonSerializable(typeof(BatchItem))]
[JsonSerializable(typeof(StreamBatchItemsResponse))]
[JsonSerializable(typeof(RetrieveBatchResponse))]
[JsonSerializable(typeof(RunIdResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(SerializedError))]
[JsonSerializable(typeof(RunResponse))]
[JsonSerializable(typeof(ListRunsResponse))]
[JsonSerializable(typeof(ReplayRequest))]
[JsonSerializable(typeof(RescheduleRequest))]
[JsonSerializable(typeof(ResetIdempotencyKeyRequest))]
[JsonSerializable(typeof(AddTagsRequest))]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(MetadataUpdate))]
[JsonSerializable(typeof(MetadataResponse))]
[JsonSerializable(typeof(PresignedPacketResponse))]
[JsonSerializable(typeof(RegisterWorkerRequest))]
[JsonSerializable(typeof(LeaseRunsRequest))]
[JsonSerializable(typeof(LeaseRunsResponse))]
[JsonSerializable(typeof(HeartbeatRequest))]
[JsonSerializable(typeof(HeartbeatResponse))]
[JsonSerializable(typeof(CompleteRunsRequest))]
[JsonSerializable(typeof(CompleteRunsResponse))]
[JsonSerializable(typeof(WaitForResumeRequest))]
[JsonSerializable(typeof(WaitForResumeResponse))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
