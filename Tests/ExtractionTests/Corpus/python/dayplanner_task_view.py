# Source: a Django REST Framework view of a "dayplanner" app (found with find_string, index id
# 39646826942; the index did not return the repository name). Excerpt: get() and post().
# Classes: fragments (Django QuerySet.extra(where=["DATE(date) = %s"], params=[...])),
#          decoys (print labels, API response messages "Tasks retrieved successfully").
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from dayplanner.bearerTokenAuth import BearerTokenAuthentication
from dayplanner.models import Todo
from dayplanner.serializers import TaskSerializer
from dayplanner.utils.api_responses import create_response, create_error


class TaskView(APIView):
    authentication_classes = [BearerTokenAuthentication]
    permission_classes = [IsAuthenticated]
    def get(self, request):
        print("request : ", request.GET.get('date'))
        date = request.GET.get('date')
        if date:
            tasks = Todo.objects.extra(where=["DATE(date) = %s"], params=[date])  # expect: fragment
        else:
            tasks = Todo.objects.all()
        serializer = TaskSerializer(tasks, many=True, context={'request': request})
        return create_response('Tasks retrieved successfully', status.HTTP_200_OK, {'response': serializer.data})

    def post(self, request):
        print("request : ", request.data)
        serializer = TaskSerializer(data=request.data, context={'request': request})
        if serializer.is_valid():
            serializer.save(user=request.user)
            return create_response('Task created successfully', status.HTTP_201_CREATED, serializer.data)
        return create_error('Invalid task data', status.HTTP_400_BAD_REQUEST)
